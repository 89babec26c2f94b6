import Foundation
import RecallCore
import Testing

@testable import Scheduler

/// Replays grades on consecutive due days, the way a diligent learner would.
func walk(_ grades: [Int], from start: StudyDay = StudyDay(year: 2026, month: 1, day: 1)) -> [CardState] {
    var state: CardState?
    var day = start
    var states: [CardState] = []
    for q in grades {
        guard let grade = Grade(rawValue: q) else {
            Issue.record("\(q) is not a grade")
            break
        }
        let next = SM2.review(state, grade: grade, on: day)
        states.append(next)
        state = next
        day = next.due
    }
    return states
}

@Suite("SM-2 rules, hand-checked")
struct SM2HandCheckedTests {
    @Test("grades 5,5,5,5: EF 2.60…2.90, intervals 1, 6, ⌈6×2.80⌉=17, ⌈17×2.90⌉=50")
    func perfectRun() {
        let states = walk([5, 5, 5, 5])
        #expect(states.map(\.ef100) == [260, 270, 280, 290])
        #expect(states.map(\.interval) == [1, 6, 17, 50])
        #expect(states.map(\.repetitions) == [1, 2, 3, 4])
    }

    @Test("grades 4,4,3,4,2,4,4: intervals 1, 6, 15, 36, 1 (lapse, EF kept), 1, 6")
    func lapseKeepsEF() {
        let states = walk([4, 4, 3, 4, 2, 4, 4])
        #expect(states.map(\.interval) == [1, 6, 15, 36, 1, 1, 6])
        #expect(states.map(\.ef100) == [250, 250, 236, 236, 236, 236, 236])
        #expect(states.map(\.lapses) == [0, 0, 0, 0, 1, 1, 1])
        #expect(states[4].repetitions == 0)
    }

    @Test("EF changes by +0.10, 0, −0.14 for q = 5, 4, 3; q < 3 leaves it")
    func efSteps() {
        let day = StudyDay(year: 2026, month: 3, day: 1)
        for (q, expected) in [(5, 260), (4, 250), (3, 236), (2, 250), (1, 250), (0, 250)] {
            #expect(SM2.review(nil, grade: Grade(rawValue: q)!, on: day).ef100 == expected)
        }
    }

    @Test("a failure on a card never learned is not a lapse")
    func failureOfNewCard() {
        let states = walk([1, 0, 5])
        #expect(states.map(\.lapses) == [0, 0, 0])
        #expect(states.map(\.interval) == [1, 1, 1])
    }

    @Test("integer EF avoids the floating-point trap: 6 × 2.30 is 14, not 13")
    func integerCeiling() {
        // From EF 2.44, a q=3 review gives EF 2.30 and ⌈6 × 2.30⌉ = ⌈13.8⌉ = 14.
        var state = SM2.newState(on: StudyDay(ordinal: 0))
        state.ef100 = 244
        state.repetitions = 2
        state.interval = 6
        let next = SM2.review(state, grade: Grade(rawValue: 3)!, on: StudyDay(ordinal: 10))
        #expect(next.ef100 == 230)
        #expect(next.interval == 14)
        // And an exact product stays exact: ⌈10 × 1.50⌉ = 15, not 16.
        state.ef100 = 150
        state.interval = 10
        state.repetitions = 3
        #expect(SM2.review(state, grade: Grade(rawValue: 4)!, on: StudyDay(ordinal: 0)).interval == 15)
    }

    @Test("a late review is scheduled from the day it actually happened")
    func lateReview() {
        let first = SM2.review(nil, grade: Grade(rawValue: 5)!, on: StudyDay(ordinal: 100))
        let late = SM2.review(first, grade: Grade(rawValue: 5)!, on: StudyDay(ordinal: 110))
        #expect(late.due == StudyDay(ordinal: 116))
    }

    @Test("drills change nothing; the fold ignores them")
    func drillsAreLoggedOnly() {
        let key = CardKey(deck: "d", id: "c")
        let day = StudyDay(ordinal: 5)
        let review = ReviewEvent(
            card: key, timestamp: 1, day: day, grade: Grade(rawValue: 2)!, kind: .review, device: "a", seq: 1)
        let drill1 = ReviewEvent(
            card: key, timestamp: 2, day: day, grade: Grade(rawValue: 3)!, kind: .drill, device: "a", seq: 2)
        let drill2 = ReviewEvent(
            card: key, timestamp: 3, day: day, grade: Grade(rawValue: 5)!, kind: .drill, device: "a", seq: 3)
        #expect(SM2.fold([review, drill1, drill2]) == SM2.fold([review]))
        #expect(SM2.needsDrill([review, drill1]))
        #expect(!SM2.needsDrill([review, drill1, drill2]))
        #expect(SM2.kindOfNextGrade(eventsToday: [review]) == .drill)
        #expect(SM2.kindOfNextGrade(eventsToday: []) == .review)
    }
}

@Suite("SM-2 properties")
struct SM2PropertyTests {
    /// A small deterministic generator, so a failing sequence can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("EF never drops below 1.30 and intervals stay positive", arguments: 0..<50)
    func efFloor(seed: Int) {
        var rng = SplitMix(state: UInt64(seed))
        let grades = (0..<60).map { _ in Int.random(in: 0...5, using: &rng) }
        for state in walk(grades) {
            #expect(state.ef100 >= 130)
            #expect(state.interval >= 1)
        }
    }

    @Test("state equals the fold of its events in any arrival order", arguments: 0..<30)
    func foldIsOrderIndependent(seed: Int) {
        var rng = SplitMix(state: UInt64(seed) &+ 1000)
        let key = CardKey(deck: "d", id: "c")
        var events: [ReviewEvent] = []
        var state: CardState?
        var day = StudyDay(ordinal: 20_000)
        for seq in 1...40 {
            let grade = Grade(rawValue: Int.random(in: 0...5, using: &rng))!
            events.append(
                ReviewEvent(
                    card: key, timestamp: Int64(seq * 1000), day: day, grade: grade, kind: .review, device: "a",
                    seq: Int64(seq)))
            state = SM2.review(state, grade: grade, on: day)
            day = state!.due.advanced(by: Int.random(in: 0...3, using: &rng))
        }
        #expect(SM2.fold(events) == state)
        #expect(SM2.fold(events.shuffled(using: &rng)) == state)
    }
}

/// Where the PyPI package `supermemo2` (v3) departs from our reading of Wozniak's text. Its update,
/// as its source reads: the interval uses the EF *before* this review's change, and the EF is
/// updated for every grade, failures included. We keep the original text (SM2.md).
@Suite("Divergence from PyPI supermemo2")
struct SupermemoDivergenceTests {
    /// supermemo2's rule, written out so the difference is executable.
    static func supermemo2(_ grades: [Int]) -> [(ef100: Int, interval: Int)] {
        var ef = 250
        var repetitions = 0
        var interval = 0
        var out: [(Int, Int)] = []
        for q in grades {
            if q >= 3 {
                interval = repetitions == 0 ? 1 : repetitions == 1 ? 6 : (interval * ef + 99) / 100  // old EF
                repetitions += 1
            } else {
                repetitions = 0
                interval = 1
            }
            let miss = 5 - q
            ef = max(ef + 10 - miss * (8 + miss * 2), 130)  // also after a failure
            out.append((ef, interval))
        }
        return out
    }

    @Test("a failure lowers supermemo2's EF by 0.32 (q=2) but leaves ours alone")
    func failureEF() {
        let theirs = Self.supermemo2([5, 5, 2])
        let ours = walk([5, 5, 2])
        #expect(theirs[2].ef100 == 270 - 32)
        #expect(ours[2].ef100 == 270)
    }

    @Test("the third interval: supermemo2 uses the old EF (6×2.50=15), we use the new one (⌈6×2.60⌉=16)")
    func intervalUsesNewEF() {
        let theirs = Self.supermemo2([4, 4, 5])
        let ours = walk([4, 4, 5])
        #expect(theirs[2].interval == 15)
        #expect(ours[2].interval == 16)
    }
}

@Suite("Study days")
struct StudyCalendarTests {
    @Test("a study day starts at the rollover hour, in the learner's zone")
    func rollover() throws {
        let shanghai = try #require(TimeZone(identifier: "Asia/Shanghai"))
        let calendar = StudyCalendar(timeZone: shanghai, rolloverHour: 4)
        // 2026-11-23 19:59 UTC = 2026-11-24 03:59 in Shanghai: still the 23rd's study day.
        let before = Date(timeIntervalSince1970: 1_795_463_940)
        #expect(calendar.day(of: before).iso == "2026-11-23")
        #expect(calendar.day(of: before.addingTimeInterval(60)).iso == "2026-11-24")
        #expect(StudyCalendar(timeZone: shanghai, rolloverHour: 0).day(of: before).iso == "2026-11-24")
    }

    @Test("dates round-trip and impossible dates are refused")
    func isoDates() {
        for text in ["1970-01-01", "2000-02-29", "2026-11-23", "2099-12-31"] {
            #expect(StudyDay(iso: text)?.iso == text)
        }
        for text in ["2026-02-30", "2026-13-01", "26-11-23", "2026-11-23x", ""] {
            #expect(StudyDay(iso: text) == nil)
        }
    }

    @Test("weekdays: Monday is 0, before 1970 too")
    func weekdays() {
        // 1970-01-01 was a Thursday, 2026-11-23 a Monday, 1969-12-28 a Sunday, 2000-02-29 a Tuesday.
        let known = [("1970-01-01", 3), ("2026-11-23", 0), ("2026-11-29", 6), ("1969-12-28", 6), ("2000-02-29", 1)]
        for (text, weekday) in known { #expect(StudyDay(iso: text)?.weekday == weekday, "\(text)") }
    }
}
