class Solution {
    func longestCommonSubsequence(_ text1: String, _ text2: String) -> Int {
        return 0
    }
}
