from collections import Counter


class Solution:
    # Plausible but wrong: Counter.most_common breaks ties by first appearance, not by the
    # lexicographically smallest pair.
    def bpeTrain(self, words: List[str], numMerges: int) -> List[str]:
        vocab = Counter(tuple(word) for word in words)
        merges = []
        while len(merges) < numMerges:
            pairs = Counter()
            for tokens, count in vocab.items():
                for pair in zip(tokens, tokens[1:]):
                    pairs[pair] += count
            if not pairs:
                break
            (left, right), _ = pairs.most_common(1)[0]
            merges.append(left + " " + right)
            merged = Counter()
            for tokens, count in vocab.items():
                out, i = [], 0
                while i < len(tokens):
                    if i + 1 < len(tokens) and tokens[i] == left and tokens[i + 1] == right:
                        out.append(left + right)
                        i += 2
                    else:
                        out.append(tokens[i])
                        i += 1
                merged[tuple(out)] += count
            vocab = merged
        return merges
