import RecallCore

/// Which part of today's queue a card is in (SM2.md order: drill, review, new).
public enum QueueKind: String, Sendable, Codable {
    case drill
    case review
    case new
}

/// One card of today's queue. Entries come from the queue's rules only: a section of
/// `QueuePolicy`, a card the learner chose (`chosen`), or a re-drill (`redrill(after:leech:)`),
/// so the memberwise init stays internal.
public struct QueueEntry: Sendable, Equatable {
    public var card: CardKey
    public var queue: QueueKind
    /// The study day the card fell due (today for new cards and drills).
    public var due: StudyDay
}

extension QueueEntry {
    /// A card the learner chose by name rather than the policy (`recall review --card`, cram): new
    /// while it has no schedule, else a review, due or not.
    public static func chosen(_ card: CardKey, state: CardState?, today: StudyDay) -> QueueEntry {
        QueueEntry(card: card, queue: state == nil ? .new : .review, due: state?.due ?? today)
    }

    /// The card again, at the end of today's session, after `grade`: a grade below 4 re-drills
    /// (`Grade.needsRedrill`), unless it made the card a leech, which is suspended now.
    public func redrill(after grade: Grade, leech: Bool) -> QueueEntry? {
        grade.needsRedrill && !leech ? QueueEntry(card: card, queue: .drill, due: due) : nil
    }
}
