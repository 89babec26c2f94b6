// Plausible but wrong: preorder with "#" markers, but each value is written as a single character
// (val + '0'), which only round-trips the digits 0..9.
class Codec {
public:
    string serialize(TreeNode* root) {
        if (!root) return "#";
        return string(1, char('0' + root->val)) + serialize(root->left) + serialize(root->right);
    }

    TreeNode* deserialize(string data) {
        size_t i = 0;
        return read(data, i);
    }

private:
    TreeNode* read(const string& data, size_t& i) {
        if (i >= data.size()) return nullptr;
        char c = data[i++];
        if (c == '#') return nullptr;
        TreeNode* node = new TreeNode(c - '0');
        node->left = read(data, i);
        node->right = read(data, i);
        return node;
    }
};
