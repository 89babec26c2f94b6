class Solution:
    # Plausible but wrong: works on the joined text instead of the tokens, so it merges
    # across token boundaries and breaks on tokens that contain spaces.
    def bpeMerge(self, tokens: List[str], pair: List[str]) -> List[str]:
        a, b = pair
        text = " ".join(tokens)
        return text.replace(a + " " + b, a + b).split()
