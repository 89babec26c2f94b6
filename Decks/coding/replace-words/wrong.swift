class Solution {
    // Plausible but wrong: the walk down the trie keeps going after a root ends and remembers the
    // last root seen, so it replaces a word with the longest matching root instead of the shortest.
    final class Node {
        var next: [UInt8: Node] = [:]
        var isEnd = false
    }

    func replaceWords(_ dictionary: [String], _ sentence: String) -> String {
        let trie = Node()
        for root in dictionary {
            var node = trie
            for byte in root.utf8 {
                if node.next[byte] == nil { node.next[byte] = Node() }
                node = node.next[byte]!
            }
            node.isEnd = true
        }
        var words: [String] = []
        for word in sentence.split(separator: " ") {
            var node = trie
            var best = 0
            var length = 0
            for byte in word.utf8 {
                guard let child = node.next[byte] else { break }
                node = child
                length += 1
                if node.isEnd { best = length }
            }
            words.append(best > 0 ? String(word.prefix(best)) : String(word))
        }
        return words.joined(separator: " ")
    }
}
