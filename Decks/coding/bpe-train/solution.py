from collections import Counter


class Solution:
    # Idea: keep each distinct word once as a token tuple with its count; every round recount the
    # pairs weighted by count, take the (most frequent, smallest) pair and rewrite the words.
    # O(numMerges · total length of the distinct words).
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
            left, right = min(pairs, key=lambda pair: (-pairs[pair], pair))
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
