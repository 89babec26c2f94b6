class Solution {
    // Idea: a trie of the roots stored as flat arrays (26 child slots per node, -1 for none); walk each
    // word down it and stop at the first root end, the shortest root. O(total length of roots + sentence).
    func replaceWords(_ dictionary: [String], _ sentence: String) -> String {
        let a = Int(UInt8(ascii: "a"))
        var children = [Int](repeating: -1, count: 26)
        var isEnd = [false]
        for root in dictionary {
            var node = 0
            for byte in root.utf8 {
                let slot = node * 26 + Int(byte) - a
                if children[slot] < 0 {
                    children[slot] = isEnd.count
                    isEnd.append(false)
                    children.append(contentsOf: repeatElement(-1, count: 26))
                }
                node = children[slot]
            }
            isEnd[node] = true
        }
        var words: [String] = []
        for word in sentence.split(separator: " ") {
            var node = 0
            var length = 0
            var replaced = false
            for byte in word.utf8 {
                node = children[node * 26 + Int(byte) - a]
                if node < 0 { break }
                length += 1
                if isEnd[node] {
                    replaced = true
                    break
                }
            }
            words.append(replaced ? String(word.prefix(length)) : String(word))
        }
        return words.joined(separator: " ")
    }
}
