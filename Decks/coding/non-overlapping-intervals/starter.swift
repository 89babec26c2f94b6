class Solution {
    func eraseOverlapIntervals(_ intervals: [[Int]]) -> Int {
        return 0
    }
}
