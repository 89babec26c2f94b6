class Solution {
public:
    // Plausible but wrong: the bounds are ints starting at INT_MIN/INT_MAX, so a node holding
    // exactly INT_MIN or INT_MAX is wrongly refused.
    bool isValidBST(TreeNode* root) {
        return valid(root, INT_MIN, INT_MAX);
    }

private:
    bool valid(TreeNode* node, int low, int high) {
        if (node == nullptr) return true;
        if (node->val <= low || node->val >= high) return false;
        return valid(node->left, low, node->val) && valid(node->right, node->val, high);
    }
};
