class Solution {
public:
    // Plausible but wrong: one queue without level boundaries; a new level is started only when a
    // node has no children, which mixes levels together.
    vector<vector<int>> levelOrder(TreeNode* root) {
        vector<vector<int>> levels;
        queue<TreeNode*> q;
        if (root != nullptr) q.push(root);
        vector<int> level;
        while (!q.empty()) {
            TreeNode* node = q.front();
            q.pop();
            level.push_back(node->val);
            if (node->left != nullptr) q.push(node->left);
            if (node->right != nullptr) q.push(node->right);
            if (node->left == nullptr && node->right == nullptr) {
                levels.push_back(level);
                level.clear();
            }
        }
        if (!level.empty()) levels.push_back(level);
        return levels;
    }
};
