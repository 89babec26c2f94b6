import RecallCore
import Testing

@testable import Scheduler

@Suite("The answer step")
struct AnswerStepTests {
    let key = CardKey(deck: "d", id: "c")
    let day = StudyDay(year: 2026, month: 5, day: 10)

    func grade(_ q: Int, on day: StudyDay, seq: Int64, kind: ReviewKind = .review) -> ReviewEvent {
        ReviewEvent(
            card: key, timestamp: Int64(day.ordinal) * 86_400_000 + seq, day: day, grade: Grade.of(q),
            kind: kind, device: "a", seq: seq)
    }

    @Test("a new card's first grade is a review, and it is its first review day")
    func firstGrade() throws {
        let step = try SM2.answer(grade(4, on: day, seq: 1, kind: .drill), history: [], early: false)
        #expect(step.event.kind == .review)
        #expect(step.state == SM2.review(nil, grade: Grade.of(4), on: day))
        #expect(step.firstReview == day)
    }

    @Test("a card reviewed before and due today: the review folds onto its history")
    func dueReview() throws {
        let first = grade(5, on: day.advanced(by: -1), seq: 1)
        let step = try SM2.answer(grade(5, on: day, seq: 2), history: [first], early: false)
        #expect(step.event.kind == .review)
        #expect(step.state.repetitions == 2)
        #expect(step.state.interval == 6)
        #expect(step.firstReview == first.day)
    }

    @Test("a card not yet due is refused with its due day, unless early")
    func notDue() throws {
        // 5 two days ago (interval 1), 5 yesterday (interval 6): due in five days.
        let history = [grade(5, on: day.advanced(by: -2), seq: 1), grade(5, on: day.advanced(by: -1), seq: 2)]
        #expect(throws: NotDue(due: day.advanced(by: 5))) {
            try SM2.answer(grade(5, on: day, seq: 3), history: history, early: false)
        }
        let early = try SM2.answer(grade(3, on: day, seq: 3), history: history, early: true)
        #expect(early.event.kind == .review)
        #expect(early.state.repetitions == 3)
    }

    @Test("after a grade below 4 the next grade that day is a drill and leaves the schedule alone")
    func drillAfterLowGrade() throws {
        let review = grade(3, on: day, seq: 1)
        let step = try SM2.answer(grade(5, on: day, seq: 2), history: [review], early: false)
        #expect(step.event.kind == .drill)
        #expect(step.state == SM2.fold([review]))
    }

    @Test("a drill that is not pending (last grade today 4 or more) is refused unless early")
    func drillNotPending() throws {
        let review = grade(4, on: day, seq: 1)
        #expect(throws: NotDue(due: day.advanced(by: 1))) {
            try SM2.answer(grade(5, on: day, seq: 2), history: [review], early: false)
        }
        let forced = try SM2.answer(grade(5, on: day, seq: 2), history: [review], early: true)
        #expect(forced.event.kind == .drill)
    }

    @Test("the new event is folded in fold order, after a later-stamped event from another device")
    func foldOrderWithSkewedClock() throws {
        // Device "b" logged yesterday's review with a clock ahead of this one's.
        var ahead = grade(5, on: day.advanced(by: -1), seq: 1)
        ahead.device = "b"
        ahead.timestamp = Int64(day.ordinal + 5) * 86_400_000
        let step = try SM2.answer(grade(2, on: day, seq: 1), history: [ahead], early: true)
        #expect(step.state == SM2.fold([ahead, step.event]))
    }

    @Test("the due check: new cards are due, others from their due day on")
    func dueCheck() {
        #expect(SM2.isDue(nil, on: day))
        let state = SM2.review(nil, grade: Grade.of(5), on: day)
        #expect(!SM2.isDue(state, on: day))
        #expect(SM2.isDue(state, on: day.advanced(by: 1)))
        #expect(SM2.isDue(state, on: day.advanced(by: 9)))
    }

    @Test("a grade below 4 needs a re-drill; 4 and 5 do not")
    func redrillRule() {
        #expect((0...5).compactMap(Grade.init(rawValue:)).filter(\.needsRedrill).map(\.rawValue) == [0, 1, 2, 3])
    }
}
