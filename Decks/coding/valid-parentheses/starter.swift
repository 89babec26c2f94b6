class Solution {
    func isValid(_ s: String) -> Bool {
        return false
    }
}
