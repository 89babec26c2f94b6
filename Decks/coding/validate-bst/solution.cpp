class Solution {
public:
    // Idea: pass down the open interval (low, high) each subtree must fit in, in 64 bits so INT_MIN/INT_MAX values are safe. O(n) time, O(h) stack.
    bool isValidBST(TreeNode* root) {
        return valid(root, LLONG_MIN, LLONG_MAX);
    }

private:
    bool valid(TreeNode* node, long long low, long long high) {
        if (node == nullptr) return true;
        if (node->val <= low || node->val >= high) return false;
        return valid(node->left, low, node->val) && valid(node->right, node->val, high);
    }
};
