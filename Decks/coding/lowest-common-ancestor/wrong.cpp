class Solution {
public:
    // Plausible but wrong: compares by value and builds a new node for the answer instead of
    // returning the tree's own node.
    TreeNode* lowestCommonAncestor(TreeNode* root, TreeNode* p, TreeNode* q) {
        TreeNode* found = find(root, p, q);
        return found ? new TreeNode(found->val) : nullptr;
    }

private:
    TreeNode* find(TreeNode* root, TreeNode* p, TreeNode* q) {
        if (!root || root->val == p->val || root->val == q->val) return root;
        TreeNode* left = find(root->left, p, q);
        TreeNode* right = find(root->right, p, q);
        if (left && right) return root;
        return left ? left : right;
    }
};
