/// What an import changed, card by card.
public struct ImportCounts: Sendable, Equatable, Codable {
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var removed = 0
    public var restored = 0

    public init() {}

    public static func += (lhs: inout ImportCounts, rhs: ImportCounts) {
        lhs.added += rhs.added
        lhs.updated += rhs.updated
        lhs.unchanged += rhs.unchanged
        lhs.removed += rhs.removed
        lhs.restored += rhs.restored
    }
}
