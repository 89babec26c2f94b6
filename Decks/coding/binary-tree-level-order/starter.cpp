class Solution {
public:
    vector<vector<int>> levelOrder(TreeNode* root) {
        return {};
    }
};
