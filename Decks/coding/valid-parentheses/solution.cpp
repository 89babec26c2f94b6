class Solution {
public:
    // Idea: push each opener's expected closer; every closer must match the top of the stack, and the stack must end empty. O(n) time and space.
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
        return stack.empty();
    }
};
