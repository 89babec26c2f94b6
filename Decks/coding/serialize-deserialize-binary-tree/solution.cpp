// Idea: preorder with "#" for every missing child, read back with an explicit stack of nodes still
// waiting for children (no recursion, so a long chain is fine). O(n) each way.
class Codec {
public:
    string serialize(TreeNode* root) {
        string out;
        vector<TreeNode*> stack{root};
        while (!stack.empty()) {
            TreeNode* node = stack.back();
            stack.pop_back();
            if (!out.empty()) out += ',';
            if (!node) {
                out += '#';
                continue;
            }
            out += to_string(node->val);
            stack.push_back(node->right);
            stack.push_back(node->left);
        }
        return out;
    }

    TreeNode* deserialize(string data) {
        vector<string> tokens;
        stringstream in(data);
        string token;
        while (getline(in, token, ',')) tokens.push_back(token);
        if (tokens.empty() || tokens[0] == "#") return nullptr;
        TreeNode* root = new TreeNode(stoi(tokens[0]));
        vector<pair<TreeNode*, int>> stack{{root, 0}};  // node, children filled so far
        for (size_t i = 1; i < tokens.size(); ++i) {
            while (!stack.empty() && stack.back().second == 2) stack.pop_back();
            if (stack.empty()) break;
            auto& [parent, filled] = stack.back();
            TreeNode* child = tokens[i] == "#" ? nullptr : new TreeNode(stoi(tokens[i]));
            (filled == 0 ? parent->left : parent->right) = child;
            ++filled;
            if (child) stack.push_back({child, 0});
        }
        return root;
    }
};
