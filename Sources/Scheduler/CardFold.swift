import RecallCore

/// A card's status: its SM-2 schedule plus what study actions did to it.
public struct CardStatus: Hashable, Sendable {
    /// The schedule; nil for a new card (never graded, or forgotten since).
    public var state: CardState?
    /// The day of the first scheduling review since the last `forget` (what the new-card limit counts).
    public var firstReview: StudyDay?
    public var suspended: Bool
    /// Buried until this study day (the card is back on it); nil when not buried.
    public var buriedUntil: StudyDay?
    /// Marked a leech since its last `forget` (it keeps the mark when unsuspended, as in Anki).
    public var leech: Bool

    public init(
        state: CardState? = nil, firstReview: StudyDay? = nil, suspended: Bool = false, buriedUntil: StudyDay? = nil,
        leech: Bool = false
    ) {
        self.state = state
        self.firstReview = firstReview
        self.suspended = suspended
        self.buriedUntil = buriedUntil
        self.leech = leech
    }

    /// Whether the card may be in the queue of `day`: not suspended, and not buried on that day.
    public func isStudiable(on day: StudyDay) -> Bool {
        !suspended && (buriedUntil.map { $0 <= day } ?? true)
    }
}

/// The fold of a card's whole log, grades and study actions, in (timestamp, device, seq) order.
/// With grades alone it is `SM2.fold`.
public enum CardFold {
    public static func fold(_ grades: [ReviewEvent], actions: [CardAction]) -> CardStatus {
        var status = CardStatus()
        let start = startingPoint(grades, actions: actions)
        status.state = SM2.fold(start.grades, from: start.state)
        // The new-card limit counts the first review since the last forget; a set schedule counts
        // as reviewed on its last review day.
        let cutByForget = gradesSinceForget(grades, actions: actions, cuttingAtSchedules: false)
        let lastForget = actions.filter { $0.kind == .forget }.max(by: actionOrder)
        let scheduled = actions.filter { action in
            action.kind == .schedule && lastForget.map { actionOrder($0, action) } ?? true
        }.compactMap(\.schedule?.lastReview)
        status.firstReview = (cutByForget.lazy.filter { $0.kind == .review }.map(\.day) + scheduled).min()
        for action in actions.sorted(by: actionOrder) {
            switch action.kind {
            case .suspend: status.suspended = true
            case .leech: (status.suspended, status.leech) = (true, true)
            case .unsuspend: status.suspended = false
            case .bury: status.buriedUntil = max(status.buriedUntil ?? action.day, action.day.advanced(by: 1))
            // The card starts over, so its lapses (and the leech mark they earned) are behind it.
            case .forget: status.leech = false
            case .schedule: break
            }
        }
        return status
    }

    /// Where a card's schedule starts from: the last `forget` (a new card) or `schedule` (the
    /// schedule it sets) in fold order, and the grades after it. Without either, every grade from
    /// a new card. The answer step decides on these alone, so a forgotten card is answered as a
    /// new one and a scheduled one from the schedule it was given.
    public static func startingPoint(_ grades: [ReviewEvent], actions: [CardAction]) -> (
        state: CardState?, grades: [ReviewEvent]
    ) {
        guard let last = actions.filter({ $0.kind == .forget || $0.kind == .schedule }).max(by: actionOrder)
        else { return (nil, grades) }
        return (last.schedule, after(last, grades))
    }

    /// The grades after the card's last `forget` in fold order (and after its last `schedule`
    /// unless `cuttingAtSchedules` is false).
    public static func gradesSinceForget(
        _ grades: [ReviewEvent], actions: [CardAction], cuttingAtSchedules: Bool = true
    ) -> [ReviewEvent] {
        let cuts: Set<CardActionKind> = cuttingAtSchedules ? [.forget, .schedule] : [.forget]
        guard let last = actions.filter({ cuts.contains($0.kind) }).max(by: actionOrder) else { return grades }
        return after(last, grades)
    }

    private static func after(_ action: CardAction, _ grades: [ReviewEvent]) -> [ReviewEvent] {
        let cut = (action.timestamp, action.device, action.seq)
        return grades.filter { (cut.0, cut.1, cut.2) < ($0.timestamp, $0.device, $0.seq) }
    }

    static func actionOrder(_ a: CardAction, _ b: CardAction) -> Bool {
        (a.timestamp, a.device, a.seq) < (b.timestamp, b.device, b.seq)
    }
}
