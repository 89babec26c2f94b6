class Solution {
    // Plausible but wrong: t is treated as a set of characters, so a window holding one "a" is
    // taken to cover t = "aa".
    func minWindow(_ s: String, _ t: String) -> String {
        let chars = Array(s)
        let need = Set(t)
        var have: [Character: Int] = [:]
        var best: ArraySlice<Character> = []
        var left = 0
        for right in 0..<chars.count {
            have[chars[right], default: 0] += 1
            while need.allSatisfy({ have[$0, default: 0] > 0 }) {
                if best.isEmpty || right - left + 1 < best.count { best = chars[left...right] }
                have[chars[left], default: 0] -= 1
                left += 1
            }
        }
        return String(best)
    }
}
