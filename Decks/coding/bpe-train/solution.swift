class Solution {
    // Idea: keep each distinct word once as a token list with its count; every round recount the
    // pairs weighted by count, take the (most frequent, smallest) pair and rewrite the words.
    // O(numMerges · total length of the distinct words).
    struct Pair: Hashable {
        let left: String
        let right: String
    }

    func bpeTrain(_ words: [String], _ numMerges: Int) -> [String] {
        var vocab: [[String]: Int] = [:]
        for word in words {
            vocab[word.map { String($0) }, default: 0] += 1
        }
        var merges: [String] = []
        while merges.count < numMerges {
            var pairs: [Pair: Int] = [:]
            for (tokens, count) in vocab {
                for i in tokens.indices.dropLast() {
                    pairs[Pair(left: tokens[i], right: tokens[i + 1]), default: 0] += count
                }
            }
            let best = pairs.min { a, b in
                if a.value != b.value { return a.value > b.value }
                if a.key.left != b.key.left { return a.key.left < b.key.left }
                return a.key.right < b.key.right
            }
            guard let (pair, _) = best else { break }
            merges.append(pair.left + " " + pair.right)
            var merged: [[String]: Int] = [:]
            for (tokens, count) in vocab {
                var out: [String] = []
                var i = 0
                while i < tokens.count {
                    if i + 1 < tokens.count && tokens[i] == pair.left && tokens[i + 1] == pair.right {
                        out.append(pair.left + pair.right)
                        i += 2
                    } else {
                        out.append(tokens[i])
                        i += 1
                    }
                }
                merged[out, default: 0] += count
            }
            vocab = merged
        }
        return merges
    }
}
