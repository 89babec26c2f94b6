import RecallCore

/// Which cards a queue is made of: some decks, cards with a tag, or both (nil means no limit).
/// The notebook-wide new-card limit counts every deck whatever the scope.
public struct CardScope: Sendable, Equatable {
    public var decks: [String]?
    public var tag: String?

    public static let all = CardScope()

    public init(decks: [String]? = nil, tag: String? = nil) {
        self.decks = decks
        self.tag = tag
    }

    /// One deck, or all when nil.
    public init(deck: String?) {
        self.init(decks: deck.map { [$0] })
    }

    public func contains(deck: String) -> Bool { decks?.contains(deck) ?? true }

    /// Whether a card with `tags` is in the tag part of the scope.
    public func contains(tags: [String]) -> Bool { tag.map(tags.contains) ?? true }
}
