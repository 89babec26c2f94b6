class Solution {
    // Plausible but wrong: greedy, always taking the largest coin that fits, which is not always
    // the fewest coins (and can miss a reachable amount).
    func coinChange(_ coins: [Int], _ amount: Int) -> Int {
        var left = amount
        var count = 0
        for c in coins.sorted(by: >) {
            count += left / c
            left %= c
        }
        return left == 0 ? count : -1
    }
}
