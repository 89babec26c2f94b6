/// What a study action does to a card (docs/EVENTS.md). Actions share the device's seq numbers and
/// the fold order with grades: together they are one log.
public enum CardActionKind: String, Sendable, Codable, CaseIterable {
    /// Out of every queue until unsuspended.
    case suspend
    case unsuspend
    /// Out of the queue for the rest of the study day it was given on.
    case bury
    /// Back to new: the schedule restarts with the next grade; the history is kept.
    case forget
    /// Suspended for lapsing too often (the detection itself is not part of this kind).
    case leech
    /// Sets the card's schedule to the one it carries (`CardAction.schedule`): later grades fold
    /// from it. Written by imports (an Anki card's own schedule), never typed.
    case schedule
}

/// One study action on one card, an event of the log like a `ReviewEvent`.
public struct CardAction: Hashable, Sendable, Codable {
    /// Unique across devices and shared with grades: `<device>:<seq>`.
    public var id: String { "\(device):\(seq)" }
    public var card: CardKey
    /// Milliseconds since the Unix epoch, UTC.
    public var timestamp: Int64
    public var day: StudyDay
    public var kind: CardActionKind
    public var device: String
    public var seq: Int64
    /// The schedule a `schedule` action sets; nil for every other kind.
    public var schedule: CardState?

    public init(
        card: CardKey, timestamp: Int64, day: StudyDay, kind: CardActionKind, device: String, seq: Int64,
        schedule: CardState? = nil
    ) {
        self.card = card
        self.timestamp = timestamp
        self.day = day
        self.kind = kind
        self.device = device
        self.seq = seq
        self.schedule = schedule
    }

    /// Whether the payload fits the kind: a `schedule` action carries a schedule, no other does.
    public var isWellFormed: Bool { (kind == .schedule) == (schedule != nil) }
}

/// One entry of the log: a grade or a study action.
public enum LoggedEvent: Hashable, Sendable {
    case grade(ReviewEvent)
    case action(CardAction)

    public var card: CardKey {
        switch self {
        case .grade(let event): event.card
        case .action(let action): action.card
        }
    }

    /// How a message names it: "grade 4 (review, 2026-06-01)" or "suspend (2026-06-01)".
    public var label: String {
        switch self {
        case .grade(let e): "grade \(e.grade) (\(e.kind.rawValue), \(e.day.iso))"
        case .action(let a): "\(a.kind.rawValue) (\(a.day.iso))"
        }
    }
}
