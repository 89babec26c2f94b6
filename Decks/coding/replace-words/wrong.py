class Solution:
    # Plausible but wrong: it takes the first root in dictionary order that prefixes the word,
    # not the shortest one ("catt" before "ca" turns "cattle" into "catt").
    def replaceWords(self, dictionary: List[str], sentence: str) -> str:
        result = []
        for word in sentence.split(" "):
            for root in dictionary:
                if word.startswith(root):
                    word = root
                    break
            result.append(word)
        return " ".join(result)
