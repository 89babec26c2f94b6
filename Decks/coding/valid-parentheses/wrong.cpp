class Solution {
public:
    // Plausible but wrong: matches closers correctly but forgets that openers left on the stack
    // at the end make the string invalid.
    bool isValid(string s) {
        string stack;
        for (char ch : s) {
            switch (ch) {
                case '(': stack.push_back(')'); break;
                case '[': stack.push_back(']'); break;
                case '{': stack.push_back('}'); break;
                default:
                    if (stack.empty() || stack.back() != ch) return false;
                    stack.pop_back();
            }
        }
        return true;
    }
};
