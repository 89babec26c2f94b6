class Solution {
    func trap(_ height: [Int]) -> Int {
        return 0
    }
}
