class Solution {
    // Idea: sliding window; grow the right end until every needed character is covered (counted
    // with multiplicity), then shrink the left end while it stays covered. O(m + n) time.
    func minWindow(_ s: String, _ t: String) -> String {
        let chars = Array(s.utf8)
        var need = [Int](repeating: 0, count: 128)
        for c in t.utf8 { need[Int(c)] += 1 }
        var missing = t.utf8.count
        var bestStart = 0
        var bestLen = chars.count + 1
        var left = 0
        for right in 0..<chars.count {
            let c = Int(chars[right])
            if need[c] > 0 { missing -= 1 }
            need[c] -= 1
            while missing == 0 {
                if right - left + 1 < bestLen {
                    bestStart = left
                    bestLen = right - left + 1
                }
                let l = Int(chars[left])
                need[l] += 1
                if need[l] > 0 { missing += 1 }
                left += 1
            }
        }
        if bestLen > chars.count { return "" }
        return String(decoding: chars[bestStart..<(bestStart + bestLen)], as: UTF8.self)
    }
}
