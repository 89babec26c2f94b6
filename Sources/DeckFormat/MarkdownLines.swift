/// A text split into lines without their line endings (LF or CRLF), for line-based parsing.
struct MarkdownLines: RandomAccessCollection {
    private let storage: [Substring]

    init(_ text: String) {
        // Split on bytes: a Character-level split pays for grapheme breaking on every character.
        let utf8 = text.utf8
        var lines: [Substring] = []
        var start = utf8.startIndex
        var index = start
        while index != utf8.endIndex {
            if utf8[index] == UInt8(ascii: "\n") {
                var end = index
                if end > start, utf8[utf8.index(before: end)] == UInt8(ascii: "\r") { end = utf8.index(before: end) }
                lines.append(Substring(utf8[start..<end]))
                start = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        if start != utf8.endIndex { lines.append(Substring(utf8[start...])) }
        storage = lines
    }

    var startIndex: Int { 0 }
    var endIndex: Int { storage.count }
    subscript(position: Int) -> Substring { storage[position] }

    /// The fence marker (``` or ~~~, three or more) when `line` opens a fenced code block.
    static func fenceOpening(_ line: Substring) -> Substring? {
        guard let byte = line.utf8.first,
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "`") || byte == UInt8(ascii: "~")
        else { return nil }
        let trimmed = line.drop(while: { $0 == " " })
        guard line.count - trimmed.count <= 3, let first = trimmed.first, first == "`" || first == "~" else {
            return nil
        }
        let marker = trimmed.prefix(while: { $0 == first })
        return marker.count >= 3 ? marker : nil
    }

    static func closesFence(_ line: Substring, open: Substring) -> Bool {
        let trimmed = line.drop(while: { $0 == " " }).trimmingTrailingSpace
        guard let first = open.first, trimmed.count >= open.count else { return false }
        return trimmed.allSatisfy { $0 == first }
    }
}

extension Substring {
    var trimmingTrailingSpace: Substring {
        var end = utf8.endIndex
        while end > utf8.startIndex {
            let before = utf8.index(before: end)
            guard utf8[before] == UInt8(ascii: " ") || utf8[before] == UInt8(ascii: "\t") else { break }
            end = before
        }
        return Substring(utf8[utf8.startIndex..<end])
    }

    var isBlank: Bool { utf8.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") } }

    /// Whether the line starts with `#` (cheap pre-check before heading tests).
    var startsWithHash: Bool { utf8.first == UInt8(ascii: "#") }
}
