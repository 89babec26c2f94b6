class Solution {
    func numDecodings(_ s: String) -> Int {
        return 0
    }
}
