/// A card written outside its deck file (on the command line, or in an editor's draft) on its way
/// into one: `recall add` renders it as a section and appends it.
public struct NewCard: Hashable, Sendable {
    /// The id written after the question (`{#id}`), nil when Recall is to make one.
    public var id: String?
    public var question: String
    public var answer: String
    public var tags: [String]

    public init(id: String? = nil, question: String, answer: String, tags: [String] = []) {
        self.id = id
        self.question = question
        self.answer = answer
        self.tags = tags
    }

    /// The card as a deck file section (DECK-FORMAT.md): the heading with its id, the tags line
    /// when there are tags, a blank line, the answer.
    public func markdown(id: String) -> String {
        let tagLine = tags.isEmpty ? "" : "tags: \(tags.joined(separator: ", "))\n"
        return "## \(question) {#\(id)}\n\(tagLine)\n\(answer)\n"
    }

    /// A deck file's bytes with this card appended as its last section (after a blank line), the
    /// card's heading line and the file's card count; nil when the result would not read back as
    /// this very card (the file ends inside a fenced code block or an unclosed front matter, say).
    public func appended(to data: [UInt8], id: String) -> (bytes: [UInt8], line: Int, cards: Int)? {
        var bytes = data
        let newline = UInt8(ascii: "\n")
        if let last = bytes.last, last != newline { bytes.append(newline) }
        let endsWithBlankLine = bytes.count < 2 || Self.lastLineIsBlank(bytes.dropLast())
        if !bytes.isEmpty && !endsWithBlankLine { bytes.append(newline) }
        let line = bytes.count(where: { $0 == newline }) + 1
        bytes += Array(markdown(id: id).utf8)
        let parsed = CardParser.parse(data: bytes, file: "")
        guard let card = parsed.cards.first(where: { $0.line == line }),
            card == ParsedCard(id: id, question: question, answer: answer, tags: tags, line: line)
        else { return nil }
        return (bytes, line, parsed.cards.count)
    }

    /// Whether the bytes' last line (after their last newline) holds only spaces, tabs or CR.
    private static func lastLineIsBlank(_ bytes: ArraySlice<UInt8>) -> Bool {
        let start = bytes.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? bytes.startIndex
        return bytes[start...].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == 13 }
    }
}
