class Solution {
    func maxArea(_ height: [Int]) -> Int {
        return 0
    }
}
