class Solution {
public:
    // Idea: postorder; a subtree reports p or q if it holds one, and the first node whose two
    // subtrees both report something (or which is p or q itself) is the answer. O(n) time.
    TreeNode* lowestCommonAncestor(TreeNode* root, TreeNode* p, TreeNode* q) {
        if (!root || root == p || root == q) return root;
        TreeNode* left = lowestCommonAncestor(root->left, p, q);
        TreeNode* right = lowestCommonAncestor(root->right, p, q);
        if (left && right) return root;
        return left ? left : right;
    }
};
