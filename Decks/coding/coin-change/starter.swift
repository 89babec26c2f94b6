class Solution {
    func coinChange(_ coins: [Int], _ amount: Int) -> Int {
        return -1
    }
}
