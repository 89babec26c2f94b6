/// Whether a grade was the day's scheduling review or a same-day re-drill (SM2.md).
public enum ReviewKind: String, Sendable, Codable, CaseIterable {
    case review
    case drill
}

/// One grade given to one card: the unit of the append-only event log.
public struct ReviewEvent: Hashable, Sendable, Codable {
    /// Unique across devices: `<device>:<seq>`.
    public var id: String { "\(device):\(seq)" }
    public var card: CardKey
    /// Milliseconds since the Unix epoch, UTC.
    public var timestamp: Int64
    public var day: StudyDay
    public var grade: Grade
    public var kind: ReviewKind
    public var device: String
    public var seq: Int64
    /// Time the learner took to answer, in milliseconds (0 when unknown).
    public var durationMs: Int

    public init(
        card: CardKey, timestamp: Int64, day: StudyDay, grade: Grade, kind: ReviewKind, device: String,
        seq: Int64, durationMs: Int = 0
    ) {
        self.card = card
        self.timestamp = timestamp
        self.day = day
        self.grade = grade
        self.kind = kind
        self.device = device
        self.seq = seq
        self.durationMs = durationMs
    }

    /// The order in which a card's events are folded: (timestamp, device, seq).
    public static func foldOrder(_ a: ReviewEvent, _ b: ReviewEvent) -> Bool {
        (a.timestamp, a.device, a.seq) < (b.timestamp, b.device, b.seq)
    }
}

/// A card's SM-2 schedule, derived from its events.
public struct CardState: Hashable, Sendable, Codable {
    /// Easiness factor in hundredths (250 = 2.50).
    public var ef100: Int
    public var repetitions: Int
    public var interval: Int
    public var due: StudyDay
    public var lapses: Int
    /// The day of the last scheduling review (drills excluded).
    public var lastReview: StudyDay

    public init(ef100: Int, repetitions: Int, interval: Int, due: StudyDay, lapses: Int, lastReview: StudyDay) {
        self.ef100 = ef100
        self.repetitions = repetitions
        self.interval = interval
        self.due = due
        self.lapses = lapses
        self.lastReview = lastReview
    }

    public var ef: Double { Double(ef100) / 100 }
}
