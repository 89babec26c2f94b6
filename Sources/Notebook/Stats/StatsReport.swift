import RecallCore
import Scheduler
import Storage

/// Every number `recall stats` shows, computed from the event log and card states (docs/STATS.md).
public struct StatsReport: Sendable, Codable, Equatable {
    public struct Today: Sendable, Codable, Equatable {
        /// Events logged today (reviews and re-drills).
        public var reviewed: Int
        /// Cards still in today's queue.
        public var left: Int
        public var timeSpentMs: Int
    }
    public struct DayCount: Sendable, Codable, Equatable {
        public var day: String
        public var count: Int
    }
    public struct Retention: Sendable, Codable, Equatable {
        public var reviews: Int
        public var passed: Int
        /// passed / reviews, nil when there were no reviews.
        public var rate: Double?
    }
    public struct StateCounts: Sendable, Codable, Equatable {
        public var deck: String
        public var new = 0, learning = 0, young = 0, mature = 0, removed = 0
    }
    public struct HardCard: Sendable, Codable, Equatable {
        public var card: String
        public var front: String
        public var lapses: Int
        public var ef: Double
    }
    public var day: String
    public var today: Today
    /// Reviews due per day from today (day 0 includes overdue cards).
    public var forecast: [DayCount]
    /// Events per day, oldest first, over the heatmap's weeks (ending today).
    public var calendar: [DayCount]
    public var currentStreak: Int
    public var longestStreak: Int
    public var retentionDays: Int
    public var youngRetention: Retention
    public var matureRetention: Retention
    public var states: [StateCounts]
    public var hardest: [HardCard]
}

/// Pure computation of a `StatsReport` from a snapshot; no I/O, no clock.
public enum StatsCalculator {
    /// Interval (days) from which a card counts as mature.
    public static let matureInterval = 21

    public static func report(
        snapshot: StatsSnapshot, today: StudyDay, queueLeft: Int, forecastDays: Int = 30, retentionDays: Int = 30,
        calendarWeeks: Int = 26, hardestLimit: Int = 10
    ) -> StatsReport {
        let todays = snapshot.events.filter { $0.day == today }
        let todayStats = StatsReport.Today(
            reviewed: todays.count, left: queueLeft, timeSpentMs: todays.reduce(0) { $0 + $1.durationMs })
        var perDay: [Int: Int] = [:]
        for event in snapshot.events { perDay[event.day.ordinal, default: 0] += 1 }
        let streaks = streaks(perDay, today: today)
        let retention = retention(snapshot.events, today: today, days: retentionDays)
        return StatsReport(
            day: today.iso, today: todayStats, forecast: forecast(snapshot.cards, today: today, days: forecastDays),
            calendar: calendar(perDay, today: today, weeks: calendarWeeks), currentStreak: streaks.current,
            longestStreak: streaks.longest, retentionDays: retentionDays, youngRetention: retention.young,
            matureRetention: retention.mature, states: states(snapshot.cards, todays: todays),
            hardest: Array(hardest(snapshot.cards).prefix(hardestLimit)))
    }

    /// Live cards by due day from today; overdue cards count for today.
    static func forecast(_ cards: [StatsSnapshot.CardRow], today: StudyDay, days: Int) -> [StatsReport.DayCount] {
        var dueCounts: [Int: Int] = [:]
        for card in cards where !card.removed {
            guard let state = card.state else { continue }
            let offset = max(0, state.due.ordinal - today.ordinal)
            if offset < days { dueCounts[offset, default: 0] += 1 }
        }
        return (0..<days).map {
            StatsReport.DayCount(day: StudyDay(ordinal: today.ordinal + $0).iso, count: dueCounts[$0] ?? 0)
        }
    }

    /// Events per day over `weeks` weeks ending today, oldest first. `perDay`: events by day ordinal.
    static func calendar(_ perDay: [Int: Int], today: StudyDay, weeks: Int) -> [StatsReport.DayCount] {
        let calendarDays = weeks * 7
        return (0..<calendarDays).map { back -> StatsReport.DayCount in
            let ordinal = today.ordinal - (calendarDays - 1) + back
            return .init(day: StudyDay(ordinal: ordinal).iso, count: perDay[ordinal] ?? 0)
        }
    }

    /// The current streak (days in a row with a review, ending today, or yesterday while today is
    /// still open) and the longest.
    static func streaks(_ perDay: [Int: Int], today: StudyDay) -> (current: Int, longest: Int) {
        var current = 0
        var cursor = perDay[today.ordinal] != nil ? today.ordinal : today.ordinal - 1
        while perDay[cursor] != nil {
            current += 1
            cursor -= 1
        }
        var longest = 0
        var run = 0
        var previous: Int?
        for ordinal in perDay.keys.sorted() {
            run = (previous == ordinal - 1) ? run + 1 : 1
            longest = max(longest, run)
            previous = ordinal
        }
        return (current, longest)
    }

    /// True retention: scheduling reviews in the last `days` days, split by the interval the card had
    /// just before the review (a first review has interval 0: young). `events` are grouped by card.
    static func retention(_ events: [ReviewEvent], today: StudyDay, days: Int) -> (
        young: StatsReport.Retention, mature: StatsReport.Retention
    ) {
        var young = StatsReport.Retention(reviews: 0, passed: 0, rate: nil)
        var mature = young
        let firstDay = today.ordinal - days + 1
        var index = 0
        while index < events.count {
            var end = index
            while end < events.count && events[end].card == events[index].card { end += 1 }
            let cardEvents = events[index..<end].sorted(by: ReviewEvent.foldOrder)
            var state: CardState?
            for event in cardEvents {
                if event.kind == .review && event.day.ordinal >= firstDay && event.day <= today {
                    let interval = state?.interval ?? 0
                    let passed = event.grade.isPass ? 1 : 0
                    if interval >= matureInterval {
                        mature.reviews += 1
                        mature.passed += passed
                    } else {
                        young.reviews += 1
                        young.passed += passed
                    }
                }
                if event.kind == .review { state = SM2.review(state, grade: event.grade, on: event.day) }
            }
            index = end
        }
        young.rate = young.reviews == 0 ? nil : Double(young.passed) / Double(young.reviews)
        mature.rate = mature.reviews == 0 ? nil : Double(mature.passed) / Double(mature.reviews)
        return (young, mature)
    }

    /// Counts per deck and state class, decks in the snapshot's order. "Learning": reviewed, but
    /// repetitions is 0 (never passed yet or lapsed since), or a re-drill pending after today's grade.
    static func states(_ cards: [StatsSnapshot.CardRow], todays: [ReviewEvent]) -> [StatsReport.StateCounts] {
        var lastGradeToday: [CardKey: Grade] = [:]
        for event in todays.sorted(by: ReviewEvent.foldOrder) { lastGradeToday[event.card] = event.grade }
        var byDeck: [String: StatsReport.StateCounts] = [:]
        var order: [String] = []
        for card in cards {
            let deck = card.key.deck
            if byDeck[deck] == nil {
                byDeck[deck] = .init(deck: deck)
                order.append(deck)
            }
            switch stateClass(card, lastGradeToday: lastGradeToday[card.key]) {
            case .removed: byDeck[deck]?.removed += 1
            case .new: byDeck[deck]?.new += 1
            case .learning: byDeck[deck]?.learning += 1
            case .young: byDeck[deck]?.young += 1
            case .mature: byDeck[deck]?.mature += 1
            }
        }
        return order.compactMap { byDeck[$0] }
    }

    /// Live cards that lapsed or lost ease, hardest first (most lapses, then lowest ease).
    static func hardest(_ cards: [StatsSnapshot.CardRow]) -> [StatsReport.HardCard] {
        cards.compactMap { card -> StatsReport.HardCard? in
            guard !card.removed, let state = card.state, state.lapses > 0 || state.ef100 < SM2.initialEF100 else {
                return nil
            }
            return .init(card: card.key.description, front: card.front, lapses: state.lapses, ef: state.ef)
        }.sorted { ($0.lapses, -$0.ef, $1.card) > ($1.lapses, -$1.ef, $0.card) }
    }

    /// A card's state class for the per-deck counts.
    public enum StateClass: String, Sendable { case new, learning, young, mature, removed }

    public static func stateClass(_ card: StatsSnapshot.CardRow, lastGradeToday: Grade?) -> StateClass {
        if card.removed { return .removed }
        guard let state = card.state else { return .new }
        if state.repetitions == 0 { return .learning }
        if let grade = lastGradeToday, grade.needsRedrill { return .learning }
        return state.interval >= matureInterval ? .mature : .young
    }
}

extension Notebook {
    /// Statistics of the whole notebook or one deck.
    public func stats(deck: String? = nil, days: Int = 30) throws -> StatsReport {
        let snapshot = try store.statsSnapshot(deck: deck)
        let left = try dueQueue(deck: deck).count
        return StatsCalculator.report(
            snapshot: snapshot, today: today, queueLeft: left, forecastDays: days, retentionDays: days)
    }
}
