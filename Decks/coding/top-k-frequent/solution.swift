class Solution {
    // Idea: count with a hash map, then bucket values by frequency and read buckets from the highest. O(n) time and space.
    func topKFrequent(_ nums: [Int], _ k: Int) -> [Int] {
        var counts: [Int: Int] = [:]
        for x in nums { counts[x, default: 0] += 1 }
        var buckets = [[Int]](repeating: [], count: nums.count + 1)
        for (value, count) in counts { buckets[count].append(value) }
        var result: [Int] = []
        for bucket in buckets.reversed() {
            for value in bucket where result.count < k { result.append(value) }
            if result.count == k { break }
        }
        return result
    }
}
