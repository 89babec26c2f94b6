import RecallCore
import Scheduler
import Testing

@Suite("Queue entries made outside the policy: a chosen card, a re-drill")
struct QueueEntryTests {
    let today = StudyDay(year: 2026, month: 6, day: 1)
    let card = CardKey(deck: "algo", id: "heap")

    @Test("a chosen card is new while it has no schedule, else a review on its own due day, due or not")
    func chosen() {
        let new = QueueEntry.chosen(card, state: nil, today: today)
        #expect(new.card == card && new.queue == .new && new.due == today)
        let later = today.advanced(by: 9)
        let state = CardState(ef100: 250, repetitions: 2, interval: 6, due: later, lapses: 0, lastReview: today)
        let review = QueueEntry.chosen(card, state: state, today: today)
        #expect(review.card == card && review.queue == .review && review.due == later)
    }

    @Test("grades 0-3 bring the card back as a drill with its due day kept; 4, 5 and a leech do not")
    func redrill() throws {
        let earlier = today.advanced(by: -3)
        let entry = QueueEntry.chosen(
            card,
            state: CardState(ef100: 250, repetitions: 3, interval: 9, due: earlier, lapses: 1, lastReview: earlier),
            today: today)
        for q in 0...3 {
            let again = try #require(entry.redrill(after: .of(q), leech: false), "grade \(q)")
            #expect(again.card == card && again.queue == .drill && again.due == earlier)
            #expect(entry.redrill(after: .of(q), leech: true) == nil, "grade \(q), leech")
        }
        #expect(entry.redrill(after: .of(4), leech: false) == nil)
        #expect(entry.redrill(after: .of(5), leech: false) == nil)
    }
}
