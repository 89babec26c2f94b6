class Solution {
    func search(_ nums: [Int], _ target: Int) -> Int {
        return -1
    }
}
