import RecallCore

extension Grade {
    /// Whether this grade sends the card back for a same-day re-drill (SM2.md): below 4. The one
    /// place this rule is written; the queue, the answer step, the review UI and stats ask here.
    public var needsRedrill: Bool { rawValue < 4 }
}
