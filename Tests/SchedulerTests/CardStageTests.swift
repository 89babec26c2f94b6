import RecallCore
import Scheduler
import Testing

@Suite("Card stages and the orders of `recall cards`")
struct CardStageTests {
    let today = StudyDay(year: 2026, month: 11, day: 23)

    /// The state SM-2 gives a card graded `grades` on consecutive due days from `today - 100`.
    func state(after grades: [Int]) -> CardState? {
        var events: [ReviewEvent] = []
        var day = today.advanced(by: -100)
        for (index, q) in grades.enumerated() {
            events.append(
                ReviewEvent(
                    card: CardKey(deck: "d", id: "x"), timestamp: Int64(day.ordinal) * 86_400_000, day: day,
                    grade: Grade.of(q), kind: .review, device: "a", seq: Int64(index + 1)))
            day = SM2.fold(events)?.due ?? day
        }
        return SM2.fold(events)
    }

    func schedule(interval: Int, repetitions: Int = 3, ef100: Int = 250, lapses: Int = 0, due: Int = 0)
        -> CardState
    {
        CardState(
            ef100: ef100, repetitions: repetitions, interval: interval, due: today.advanced(by: due),
            lapses: lapses, lastReview: today.advanced(by: due - interval))
    }

    func stage(_ state: CardState?, suspended: Bool = false, buriedUntil: StudyDay? = nil) -> CardStage {
        CardStage.of(state: state, suspended: suspended, buriedUntil: buriedUntil, on: today)
    }

    @Test("SM-2's first steps are learning, then young, then mature from a 21-day interval")
    func scheduleStages() {
        #expect(stage(nil) == .new)
        #expect(stage(state(after: [5])) == .learning)
        #expect(stage(state(after: [5, 5])) == .young)  // interval 6
        #expect(stage(state(after: [5, 5, 5])) == .young)  // interval 17
        #expect(stage(state(after: [5, 5, 5, 5])) == .mature)  // interval 50
        #expect(stage(state(after: [5, 5, 5, 1])) == .learning)  // a lapse starts the steps again
        #expect(stage(state(after: [1])) == .learning)
        #expect(stage(schedule(interval: 20)) == .young)
        #expect(stage(schedule(interval: 21)) == .mature)
    }

    @Test("suspension shows over everything; burial counts on the days before the card is back")
    func statusStages() {
        let mature = schedule(interval: 40)
        #expect(stage(mature, suspended: true) == .suspended)
        #expect(stage(nil, suspended: true, buriedUntil: today.advanced(by: 1)) == .suspended)
        #expect(stage(mature, buriedUntil: today.advanced(by: 1)) == .buried)
        #expect(stage(nil, buriedUntil: today.advanced(by: 1)) == .buried)
        #expect(stage(mature, buriedUntil: today) == .mature)  // back today
        #expect(stage(nil, buriedUntil: today.advanced(by: -3)) == .new)
    }

    func card(_ id: String, _ state: CardState?, position: Int, added: Int64, deck: String = "d", tags: [String] = [])
        -> CardOverview
    {
        CardOverview(
            key: CardKey(deck: deck, id: id), question: id, tags: tags, state: state, position: position, added: added)
    }

    @Test("the leech filter goes by the tag, the others by the stage")
    func filters() {
        let leech = CardOverview(
            key: CardKey(deck: "d", id: "l"), question: "?", tags: ["x", "leech"], state: schedule(interval: 1),
            suspended: true, position: 0, added: 1)
        #expect(CardStageFilter.leech.matches(leech, on: today))
        #expect(CardStageFilter.suspended.matches(leech, on: today))
        #expect(!CardStageFilter.young.matches(leech, on: today))
        let plain = card("p", nil, position: 1, added: 2, tags: ["leeches"])
        #expect(!CardStageFilter.leech.matches(plain, on: today))
        #expect(CardStageFilter.new.matches(plain, on: today))
        #expect(Set(CardStageFilter.allCases.map(\.rawValue)) == Set(CardStage.allCases.map(\.rawValue) + ["leech"]))
    }

    @Test("each order sorts scheduled cards its way and puts new ones last in the author's order")
    func orders() {
        let cards = [
            card("new-late", nil, position: 0, added: 9, deck: "b"),
            card("hard", schedule(interval: 6, ef100: 130, lapses: 2, due: 5), position: 1, added: 3),
            card("easy", schedule(interval: 30, ef100: 290, due: -2), position: 2, added: 1),
            card("new-early", nil, position: 0, added: 8, deck: "a"),
            card("lapsed", schedule(interval: 1, repetitions: 0, ef100: 200, lapses: 4, due: 1), position: 3, added: 2),
            card("same-due", schedule(interval: 6, ef100: 200, due: 1), position: 0, added: 4),
        ]
        func ids(_ order: CardListOrder) -> [String] { order.sorted(cards).map(\.key.id) }
        #expect(ids(.due) == ["easy", "same-due", "lapsed", "hard", "new-early", "new-late"])
        #expect(ids(.ease) == ["hard", "same-due", "lapsed", "easy", "new-early", "new-late"])
        #expect(ids(.lapses) == ["lapsed", "hard", "easy", "same-due", "new-early", "new-late"])
        #expect(ids(.added) == ["easy", "lapsed", "hard", "same-due", "new-early", "new-late"])
    }
}
