class Solution {
    // Plausible but wrong: division with a special case for a zero, which returns the product of the
    // non-zero numbers at every zero; with two zeros every answer should be 0.
    func productExceptSelf(_ nums: [Int]) -> [Int] {
        var total = 1
        var nonZero = 1
        for x in nums {
            total *= x
            if x != 0 { nonZero *= x }
        }
        return nums.map { $0 == 0 ? nonZero : total / $0 }
    }
}
