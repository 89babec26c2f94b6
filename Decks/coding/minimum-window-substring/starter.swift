class Solution {
    func minWindow(_ s: String, _ t: String) -> String {
        return ""
    }
}
