/// What a card is for: a question to answer from memory, or a coding exercise to solve.
public enum CardKind: String, Sendable, Codable, CaseIterable {
    case note
    case exercise
}

/// A card as its deck file describes it.
public struct Card: Hashable, Sendable, Codable {
    public var key: CardKey
    public var kind: CardKind
    /// The question (Markdown).
    public var front: String
    /// The answer (Markdown).
    public var back: String
    public var tags: [String]
    /// Where the card is defined: path relative to the import root, and 1-based line.
    public var sourceFile: String
    public var sourceLine: Int

    public init(
        key: CardKey, kind: CardKind = .note, front: String, back: String, tags: [String] = [],
        sourceFile: String, sourceLine: Int
    ) {
        self.key = key
        self.kind = kind
        self.front = front
        self.back = back
        self.tags = tags
        self.sourceFile = sourceFile
        self.sourceLine = sourceLine
    }
}
