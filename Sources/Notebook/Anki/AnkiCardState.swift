import AnkiPackage
import Foundation
import RecallCore
import Scheduler

/// An Anki card's schedule and state in Recall's terms, and the study actions that make a card's
/// folded status equal to it (docs/ANKI.md, "Schedules and states").
struct AnkiCardState: Equatable {
    /// The schedule; nil for a new card.
    var schedule: CardState?
    var suspended: Bool
    var buried: Bool

    /// Reads `card` of a collection created at `creation` (seconds). `known`: the card's schedule
    /// in Recall before this state, whose repetitions a review card keeps when it has two or more
    /// (Anki does not count SM-2's repetitions). `lastReview`: the day of its last answer in the revlog.
    init(_ card: AnkiCard, creation: Int64, calendar: StudyCalendar, known: CardState?, lastReview: StudyDay?) {
        suspended = card.queue == -1
        buried = card.queue == -2 || card.queue == -3
        guard card.type != .new else {
            schedule = nil
            return
        }
        let interval = max(card.interval, 1)
        let due: StudyDay
        if card.due > 1_000_000_000 {
            // An intraday learning step: a time in seconds, not a day number.
            due = calendar.day(ofMillis: card.due * 1000)
        } else {
            due = calendar.day(ofMillis: creation * 1000).advanced(by: Int(card.due))
        }
        // Anki's ease is in permille and never below 1300 under SM-2; 0 (never set) is the default 2.50.
        let ef100 = card.factor > 0 ? max((card.factor + 5) / 10, SM2.minimumEF100) : SM2.initialEF100
        // A review card multiplies its interval on its next success, as SM-2 does from the second
        // repetition on; a card in (re)learning starts its repetitions again.
        let repetitions = card.type == .review ? max(known?.repetitions ?? 0, 2) : 0
        schedule = CardState(
            ef100: ef100, repetitions: repetitions, interval: interval, due: due, lapses: max(card.lapses, 0),
            lastReview: lastReview ?? due.advanced(by: -interval))
    }

    /// Whether `state` is this schedule as far as Anki can tell: due day, interval, ease and lapses.
    static func sameSchedule(_ a: CardState?, _ b: CardState?) -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?):
            return a.due == b.due && a.interval == b.interval && a.ef100 == b.ef100 && a.lapses == b.lapses
        default: return false
        }
    }

    /// The actions, in this order, that bring a card whose fold is `status` to this state, given
    /// on `day` at `timestamp`. Their device and seq are left for the caller to give.
    func actions(from status: CardStatus, card: CardKey, timestamp: Int64, day: StudyDay) -> [CardAction] {
        func action(_ kind: CardActionKind, _ schedule: CardState? = nil) -> CardAction {
            CardAction(card: card, timestamp: timestamp, day: day, kind: kind, device: "", seq: 0, schedule: schedule)
        }
        var result: [CardAction] = []
        if !Self.sameSchedule(status.state, schedule) {
            result.append(schedule.map { action(.schedule, $0) } ?? action(.forget))
        }
        if suspended != status.suspended { result.append(action(suspended ? .suspend : .unsuspend)) }
        if buried && !(status.buriedUntil.map { $0 > day } ?? false) { result.append(action(.bury)) }
        return result
    }
}
