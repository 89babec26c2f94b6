class Solution {
public:
    // Idea: BFS with a queue, draining exactly one level's worth of nodes per round. O(n) time, O(width) extra space.
    vector<vector<int>> levelOrder(TreeNode* root) {
        vector<vector<int>> levels;
        queue<TreeNode*> q;
        if (root != nullptr) q.push(root);
        while (!q.empty()) {
            vector<int> level;
            for (size_t i = q.size(); i > 0; --i) {
                TreeNode* node = q.front();
                q.pop();
                level.push_back(node->val);
                if (node->left != nullptr) q.push(node->left);
                if (node->right != nullptr) q.push(node->right);
            }
            levels.push_back(move(level));
        }
        return levels;
    }
};
