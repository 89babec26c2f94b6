import RecallCore

/// When a lapse makes a card a leech: at `threshold` lapses, then at every `threshold / 2` more
/// (Anki's rule, 8 then every 4 by default), so a card that keeps failing after it is unsuspended
/// is caught again. A threshold of 0 turns detection off.
public struct LeechRule: Sendable, Equatable {
    public var threshold: Int

    public static let standard = LeechRule(threshold: 8)

    public init(threshold: Int) {
        self.threshold = threshold
    }

    /// Whether a grade that took the card from `before` to `after` lapses makes it a leech.
    public func isLeech(lapsesBefore before: Int, after: Int) -> Bool {
        guard threshold > 0, after > before, after >= threshold else { return false }
        return (after - threshold) % max(threshold / 2, 1) == 0
    }
}
