import RecallCore
import Testing

@testable import Scheduler

@Suite("Card fold: grades and study actions")
struct CardFoldTests {
    let card = CardKey(deck: "d", id: "x")
    let day1 = StudyDay(year: 2026, month: 6, day: 1)

    func grade(_ q: Int, day: Int, seq: Int64) -> ReviewEvent {
        ReviewEvent(
            card: card, timestamp: Int64(day1.ordinal + day) * 86_400_000 + seq, day: day1.advanced(by: day),
            grade: Grade.of(q), kind: .review, device: "a", seq: seq)
    }

    func action(_ kind: CardActionKind, day: Int, seq: Int64) -> CardAction {
        CardAction(
            card: card, timestamp: Int64(day1.ordinal + day) * 86_400_000 + seq, day: day1.advanced(by: day),
            kind: kind, device: "a", seq: seq)
    }

    @Test("with grades alone the fold is SM-2's, and the card is studiable")
    func gradesAlone() {
        let grades = [grade(5, day: 0, seq: 1), grade(4, day: 1, seq: 2)]
        let status = CardFold.fold(grades, actions: [])
        #expect(status.state == SM2.fold(grades))
        #expect(status.firstReview == day1)
        #expect(!status.suspended && status.buriedUntil == nil && status.isStudiable(on: day1))
    }

    @Test("suspend takes the card out until unsuspend; a leech suspends it too")
    func suspend() {
        let grades = [grade(5, day: 0, seq: 1)]
        let suspended = CardFold.fold(grades, actions: [action(.suspend, day: 0, seq: 2)])
        #expect(suspended.suspended && !suspended.isStudiable(on: day1.advanced(by: 30)))
        #expect(suspended.state == SM2.fold(grades))
        let back = CardFold.fold(
            grades, actions: [action(.unsuspend, day: 1, seq: 3), action(.suspend, day: 0, seq: 2)])
        #expect(!back.suspended)
        #expect(CardFold.fold([], actions: [action(.leech, day: 0, seq: 1)]).suspended)
    }

    @Test("a leech is suspended and marked; unsuspend keeps the mark, forget clears it")
    func leech() {
        let leech = CardFold.fold([], actions: [action(.leech, day: 0, seq: 1)])
        #expect(leech.suspended && leech.leech)
        let unsuspended = CardFold.fold(
            [], actions: [action(.leech, day: 0, seq: 1), action(.unsuspend, day: 1, seq: 2)])
        #expect(!unsuspended.suspended && unsuspended.leech)
        let forgotten = CardFold.fold(
            [],
            actions: [
                action(.leech, day: 0, seq: 1), action(.unsuspend, day: 1, seq: 2), action(.forget, day: 1, seq: 3),
            ])
        #expect(!forgotten.leech && !forgotten.suspended)
        #expect(!CardFold.fold([], actions: [action(.suspend, day: 0, seq: 1)]).leech)
    }

    @Test("the leech rule: at the threshold, then every half threshold more; 0 turns it off")
    func leechRule() {
        let rule = LeechRule.standard
        #expect(rule.threshold == 8)
        let fired = (0...20).filter { rule.isLeech(lapsesBefore: $0 - 1, after: $0) }
        #expect(fired == [8, 12, 16, 20])
        #expect(!rule.isLeech(lapsesBefore: 8, after: 8))  // a grade that is not a lapse
        #expect((0...20).allSatisfy { !LeechRule(threshold: 0).isLeech(lapsesBefore: $0 - 1, after: $0) })
        #expect((1...4).filter { LeechRule(threshold: 1).isLeech(lapsesBefore: $0 - 1, after: $0) } == [1, 2, 3, 4])
        #expect(
            (1...8).filter { LeechRule(threshold: 3).isLeech(lapsesBefore: $0 - 1, after: $0) } == [3, 4, 5, 6, 7, 8])
    }

    @Test("a buried card is out for the rest of its day and back the next study day")
    func bury() {
        let status = CardFold.fold([], actions: [action(.bury, day: 0, seq: 1)])
        #expect(status.buriedUntil == day1.advanced(by: 1))
        #expect(!status.isStudiable(on: day1))
        #expect(status.isStudiable(on: day1.advanced(by: 1)))
    }

    @Test("forget makes the card new; the grades after it start a fresh schedule; history is not dropped")
    func forget() {
        let before = [grade(5, day: 0, seq: 1), grade(5, day: 1, seq: 2), grade(5, day: 7, seq: 3)]
        let forget = action(.forget, day: 8, seq: 4)
        let status = CardFold.fold(before, actions: [forget])
        #expect(status.state == nil && status.firstReview == nil)
        let after = grade(3, day: 9, seq: 5)
        let again = CardFold.fold(before + [after], actions: [forget])
        #expect(again.state == SM2.review(nil, grade: Grade.of(3), on: day1.advanced(by: 9)))
        #expect(again.firstReview == day1.advanced(by: 9))
        #expect(CardFold.gradesSinceForget(before + [after], actions: [forget]) == [after])
    }

    @Test("a schedule action sets the card's schedule after its history; later grades fold from it")
    func schedule() {
        let history = [grade(1, day: 0, seq: 1), grade(4, day: 1, seq: 2)]
        let anki = CardState(
            ef100: 265, repetitions: 2, interval: 9, due: day1.advanced(by: 11), lapses: 1,
            lastReview: day1.advanced(by: 2))
        var set = action(.schedule, day: 2, seq: 3)
        set.schedule = anki
        let status = CardFold.fold(history, actions: [set])
        #expect(status.state == anki)
        #expect(status.firstReview == day1)
        // The next review multiplies Anki's interval by the EF, as SM-2 does from the second repetition.
        let next = grade(4, day: 11, seq: 4)
        let later = CardFold.fold(history + [next], actions: [set])
        #expect(later.state == SM2.review(anki, grade: Grade.of(4), on: day1.advanced(by: 11)))
        #expect(later.state?.interval == 24)
        let start = CardFold.startingPoint(history + [next], actions: [set])
        #expect(start.state == anki && start.grades == [next])
        // A forget after it makes the card new again; a schedule with no grades still counts as reviewed.
        #expect(CardFold.fold(history, actions: [set, action(.forget, day: 3, seq: 5)]).state == nil)
        let alone = CardFold.fold([], actions: [set])
        #expect(alone.state == anki && alone.firstReview == anki.lastReview)
        #expect(set.isWellFormed && !action(.schedule, day: 2, seq: 6).isWellFormed)
    }
}
