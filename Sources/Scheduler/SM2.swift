import RecallCore

/// SuperMemo's SM-2 as SM2.md pins it down: integer EF in hundredths, q < 3 restarts the
/// repetitions without touching EF, drills change nothing. Pure functions; no clock.
public enum SM2 {
    /// EF of a card never seen before (2.50).
    public static let initialEF100 = 250
    /// EF never drops below 1.30.
    public static let minimumEF100 = 130

    /// The state of a card introduced on `day` that has not been reviewed yet.
    public static func newState(on day: StudyDay) -> CardState {
        CardState(ef100: initialEF100, repetitions: 0, interval: 0, due: day, lapses: 0, lastReview: day)
    }

    /// The state after one scheduling review with quality `grade` on `day`.
    /// A nil `state` means the card is new.
    public static func review(_ state: CardState?, grade: Grade, on day: StudyDay) -> CardState {
        var next = state ?? newState(on: day)
        let q = grade.rawValue
        if q >= 3 {
            // EF' = EF + (0.1 - (5-q)(0.08 + (5-q)0.02)), in hundredths.
            let miss = 5 - q
            next.ef100 = max(next.ef100 + 10 - miss * (8 + miss * 2), minimumEF100)
            next.repetitions += 1
            switch next.repetitions {
            case 1: next.interval = 1
            case 2: next.interval = 6
            default: next.interval = (next.interval * next.ef100 + 99) / 100  // ceil(I × EF), exact
            }
        } else {
            if next.repetitions > 0 { next.lapses += 1 }
            next.repetitions = 0
            next.interval = 1
        }
        next.due = day.advanced(by: next.interval)
        next.lastReview = day
        return next
    }

    /// Folds a card's events (in any order; sorted here by `ReviewEvent.foldOrder`) into its state.
    /// Drills are logged but never change the schedule; nil when no scheduling review exists.
    /// `start`: the schedule the card had before these events (nil: a new card).
    public static func fold<S: Sequence>(_ events: S, from start: CardState? = nil) -> CardState?
    where S.Element == ReviewEvent {
        events.sorted(by: ReviewEvent.foldOrder).reduce(start) { state, event in
            event.kind == .review ? review(state, grade: event.grade, on: event.day) : state
        }
    }

    /// Whether the card still needs a same-day re-drill: it had its review that day and its last
    /// grade (review or drill) does (`Grade.needsRedrill`). `eventsToday` are the card's events on
    /// the study day in question. Drills without a review that day are crams, which owe nothing.
    public static func needsDrill<S: Sequence>(_ eventsToday: S) -> Bool where S.Element == ReviewEvent {
        let events = Array(eventsToday)
        guard events.contains(where: { $0.kind == .review }) else { return false }
        return events.max(by: ReviewEvent.foldOrder)?.grade.needsRedrill ?? false
    }

    /// The kind a new grade for a card gets today: once the day's review is logged, further
    /// grades that day are drills (SM-2 step 7).
    public static func kindOfNextGrade<S: Sequence>(eventsToday: S) -> ReviewKind where S.Element == ReviewEvent {
        eventsToday.contains { $0.kind == .review } ? .drill : .review
    }
}
