class Solution {
    func twoSum(_ nums: [Int], _ target: Int) -> [Int] {
        return []
    }
}
