class Solution {
public:
    bool isValidBST(TreeNode* root) {
        return false;
    }
};
