class Solution:
    # Idea: a trie of the roots (nested dicts, "$" marks a root's end); walk each word down it and stop
    # at the first end mark, which is the shortest root. O(total length of roots + sentence).
    def replaceWords(self, dictionary: List[str], sentence: str) -> str:
        trie = {}
        for root in dictionary:
            node = trie
            for ch in root:
                node = node.setdefault(ch, {})
            node["$"] = True

        def shorten(word):
            node = trie
            for i, ch in enumerate(word):
                if ch not in node:
                    return word
                node = node[ch]
                if "$" in node:
                    return word[: i + 1]
            return word

        return " ".join(shorten(word) for word in sentence.split(" "))
