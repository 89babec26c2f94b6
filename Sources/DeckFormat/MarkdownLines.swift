/// A text split into lines without their line endings (LF or CRLF), for line-based parsing.
struct MarkdownLines: RandomAccessCollection {
    private let storage: [Substring]

    init(_ text: String) {
        // "\r\n" is one Character in Swift, so split on both forms of line end.
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
        if lines.last == "" { lines.removeLast() }
        storage = lines
    }

    var startIndex: Int { 0 }
    var endIndex: Int { storage.count }
    subscript(position: Int) -> Substring { storage[position] }

    /// The fence marker (``` or ~~~, three or more) when `line` opens a fenced code block.
    static func fenceOpening(_ line: Substring) -> Substring? {
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
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }

    var isBlank: Bool { allSatisfy { $0 == " " || $0 == "\t" } }
}
