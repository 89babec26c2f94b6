class Solution {
    // Idea: push each opener's expected closer; every closer must match the top of the stack, and the stack must end empty. O(n) time and space.
    func isValid(_ s: String) -> Bool {
        let closer: [Character: Character] = ["(": ")", "[": "]", "{": "}"]
        var stack: [Character] = []
        for ch in s {
            if let expected = closer[ch] {
                stack.append(expected)
            } else if stack.popLast() != ch {
                return false
            }
        }
        return stack.isEmpty
    }
}
