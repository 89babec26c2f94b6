import RecallCore
import Testing

@testable import Scheduler

/// The `QueueCandidates` contract over plain arrays: what Storage answers with index scans.
struct ListedCandidates: QueueCandidates {
    struct Listed {
        var key: CardKey
        var position: Int
        var state: CardState? = nil
        var firstReview: StudyDay? = nil
        var removed = false
        var suspended = false
        var buriedUntil: StudyDay? = nil
        var tags: [String] = []
    }
    var cards: [Listed] = []
    var events: [ReviewEvent] = []
    var deckLimits: [String: Int?] = [:]

    private func live(_ scope: CardScope, on day: StudyDay) -> [Listed] {
        cards.filter {
            !$0.removed && scope.contains(deck: $0.key.deck) && scope.contains(tags: $0.tags)
                && CardStatus(suspended: $0.suspended, buriedUntil: $0.buriedUntil).isStudiable(on: day)
        }
    }

    func events(on day: StudyDay, scope: CardScope) throws -> [ReviewEvent] {
        let keys = Set(live(scope, on: day).map(\.key))
        return events.filter { $0.day == day && keys.contains($0.card) }.sorted {
            ($0.card.description, $0.timestamp, $0.device, $0.seq) < (
                $1.card.description, $1.timestamp, $1.device, $1.seq
            )
        }
    }

    func dueCards(through day: StudyDay, scope: CardScope, limit: Int?) throws -> [(card: CardKey, due: StudyDay)] {
        let due = live(scope, on: day).compactMap { card in card.state.map { (card, $0.due) } }.filter { $0.1 <= day }
            .sorted { ($0.1.ordinal, $0.0.key.deck, $0.0.position) < ($1.1.ordinal, $1.0.key.deck, $1.0.position) }
            .map { (card: $0.0.key, due: $0.1) }
        return Array(due.prefix(limit ?? Int.max))
    }

    func newCardDecks(scope: CardScope) throws -> [(deck: String, newPerDay: Int?)] {
        deckLimits.keys.sorted().filter(scope.contains(deck:)).map { ($0, deckLimits[$0] ?? nil) }
    }

    func introducedCount(on day: StudyDay, deck: String?) throws -> Int {
        cards.filter { $0.firstReview == day && (deck == nil || $0.key.deck == deck) }.count
    }

    func newCards(deck: String, tag: String?, limit: Int, on day: StudyDay) throws -> [CardKey] {
        Array(
            live(CardScope(decks: [deck], tag: tag), on: day).filter { $0.state == nil }.sorted {
                $0.position < $1.position
            }.map(\.key).prefix(limit)
        )
    }
}

@Suite("Queue policy")
struct QueuePolicyTests {
    let today = StudyDay(year: 2026, month: 6, day: 1)

    func key(_ deck: String, _ id: String) -> CardKey { CardKey(deck: deck, id: id) }

    func state(due: StudyDay) -> CardState {
        CardState(ef100: 250, repetitions: 1, interval: 1, due: due, lapses: 0, lastReview: due.advanced(by: -1))
    }

    func event(_ card: CardKey, _ q: Int, seq: Int64, kind: ReviewKind = .review) -> ReviewEvent {
        ReviewEvent(
            card: card, timestamp: Int64(today.ordinal) * 86_400_000 + seq, day: today, grade: Grade.of(q),
            kind: kind, device: "a", seq: seq)
    }

    /// Two decks: "a" with two due cards and three new ones, "b" with one due card and three new.
    var notebook: ListedCandidates {
        var c = ListedCandidates()
        c.deckLimits = ["a": nil, "b": nil]
        c.cards = [
            .init(key: key("a", "due-old"), position: 0, state: state(due: today.advanced(by: -3))),
            .init(key: key("a", "due-now"), position: 1, state: state(due: today)),
            .init(key: key("a", "later"), position: 2, state: state(due: today.advanced(by: 2))),
            .init(key: key("a", "n1"), position: 3), .init(key: key("a", "n2"), position: 4),
            .init(key: key("a", "n3"), position: 5),
            .init(key: key("b", "due-old"), position: 0, state: state(due: today.advanced(by: -3))),
            .init(key: key("b", "n1"), position: 1), .init(key: key("b", "n2"), position: 2),
            .init(key: key("b", "n3"), position: 3),
            .init(key: key("b", "gone"), position: 4, state: state(due: today), removed: true),
        ]
        return c
    }

    @Test("re-drills, then due reviews (oldest first, then deck order), then new cards taken from each deck in turn")
    func order() throws {
        var c = notebook
        c.cards.append(.init(key: key("a", "failed"), position: 6, state: state(due: today.advanced(by: 1))))
        c.events = [event(key("a", "failed"), 2, seq: 1)]
        let queue = try QueuePolicy(newPerDay: 4).queue(day: today, from: c)
        #expect(queue.map(\.queue) == [.drill, .review, .review, .review, .new, .new, .new, .new])
        #expect(
            queue.map(\.card.description) == [
                "a/failed", "a/due-old", "b/due-old", "a/due-now", "a/n1", "b/n1", "a/n2", "b/n2",
            ])
        #expect(queue[1].due == today.advanced(by: -3))
        #expect(queue[0].due == today && queue[4].due == today)
    }

    @Test("a card's last grade today decides its re-drill: a drill of 4 or more clears it")
    func redrills() {
        let a = key("a", "x")
        let b = key("a", "y")
        let events = [event(a, 1, seq: 1), event(a, 4, seq: 2, kind: .drill), event(b, 5, seq: 3)]
        #expect(QueuePolicy.redrills(events, day: today).isEmpty)
        let pending = [event(a, 1, seq: 1), event(a, 3, seq: 2, kind: .drill), event(b, 5, seq: 3)]
        #expect(QueuePolicy.redrills(pending, day: today).map(\.card) == [a])
    }

    @Test("cards graded today are not queued again as reviews")
    func gradedTodayIsSkipped() {
        let due = [(card: key("a", "x"), due: today), (card: key("a", "y"), due: today)]
        #expect(QueuePolicy.reviews(due, gradedToday: [key("a", "x")]).map(\.card) == [key("a", "y")])
    }

    @Test("the limit cuts the queue in order; graded cards count against the review fetch, as before")
    func limit() throws {
        let c = notebook
        #expect(try QueuePolicy(newPerDay: 20, limit: 2).queue(day: today, from: c).map(\.queue) == [.review, .review])
        let five = try QueuePolicy(newPerDay: 20, limit: 5).queue(day: today, from: c)
        #expect(five.map(\.card.description) == ["a/due-old", "b/due-old", "a/due-now", "a/n1", "b/n1"])
        var drilled = c
        drilled.events = [event(key("a", "due-now"), 5, seq: 1), event(key("a", "n1"), 0, seq: 2)]
        // One re-drill leaves room for two of the due cards, and the one graded today is skipped.
        #expect(
            try QueuePolicy(newPerDay: 0, limit: 3).queue(day: today, from: drilled).map(\.card.description) == [
                "a/n1", "a/due-old", "b/due-old",
            ])
    }

    @Test("the notebook's daily limit counts every deck's introductions, even with a deck filter")
    func notebookNewLimit() throws {
        var c = notebook
        c.cards[7].firstReview = today  // b/n1 was introduced today (its state aside)
        let all = try QueuePolicy(newPerDay: 3).queue(day: today, from: c).filter { $0.queue == .new }
        #expect(all.map(\.card.description) == ["a/n1", "b/n1"])
        let onlyB = try QueuePolicy(newPerDay: 3, deck: "b").queue(day: today, from: c)
        #expect(onlyB.map(\.card.description) == ["b/due-old", "b/n1", "b/n2"])
        #expect(try QueuePolicy(newPerDay: 1).queue(day: today, from: c).filter { $0.queue == .new }.isEmpty)
    }

    @Test("a scope of decks and a tag limits every section; the notebook's new-card limit still counts all decks")
    func scope() throws {
        var c = notebook
        c.deckLimits["c"] = .some(nil)
        c.cards.append(.init(key: key("c", "n1"), position: 0, tags: ["x"]))
        c.cards[4].tags = ["x"]  // a/n2
        c.cards[6].tags = ["x"]  // b/due-old
        let tagged = try QueuePolicy(newPerDay: 20, scope: CardScope(tag: "x")).queue(day: today, from: c)
        #expect(tagged.map(\.card.description) == ["b/due-old", "a/n2", "c/n1"])
        let twoDecks = try QueuePolicy(newPerDay: 20, scope: CardScope(decks: ["b", "c"])).queue(day: today, from: c)
        #expect(twoDecks.map(\.card.description) == ["b/due-old", "b/n1", "c/n1", "b/n2", "b/n3"])
        c.cards[3].firstReview = today  // a/n1, outside the scope, was introduced today
        let limited = try QueuePolicy(newPerDay: 2, scope: CardScope(decks: ["b", "c"])).queue(day: today, from: c)
        #expect(limited.map(\.card.description) == ["b/due-old", "b/n1"])
    }

    @Test("interleaving takes one from each list in turn, each list in its order, up to the limit")
    func interleave() {
        #expect(QueuePolicy.interleave([[1, 2, 3], [10], [20, 21]], limit: 10) == [1, 10, 20, 2, 21, 3])
        #expect(QueuePolicy.interleave([[1, 2, 3], [10], [20, 21]], limit: 4) == [1, 10, 20, 2])
        #expect(QueuePolicy.interleave([[Int]](), limit: 3).isEmpty)
        #expect(QueuePolicy.interleave([[1], []], limit: 0).isEmpty)
    }

    @Test("a deck's own new_per_day lowers its share, counting its own introductions")
    func deckNewLimit() throws {
        var c = notebook
        c.deckLimits["a"] = 2
        c.cards[3].firstReview = today  // a/n1 counted as introduced today
        let new = try QueuePolicy(newPerDay: 20).queue(day: today, from: c).filter { $0.queue == .new }
        #expect(new.map(\.card.description) == ["a/n1", "b/n1", "b/n2", "b/n3"])
        #expect(QueuePolicy.newAllowance(notebookLeft: 10, room: 5, deckLimit: 2, deckIntroduced: 3) == -1)
        #expect(QueuePolicy.newAllowance(notebookLeft: 10, room: 5, deckLimit: nil, deckIntroduced: 3) == 5)
        #expect(QueuePolicy.newAllowance(notebookLeft: 4, room: 5, deckLimit: 9, deckIntroduced: 0) == 4)
    }

    @Test("removed cards never enter the queue")
    func removedCards() throws {
        let queue = try QueuePolicy(newPerDay: 20).queue(day: today, from: notebook)
        #expect(!queue.contains { $0.card == key("b", "gone") })
    }
}

@Suite("Queue policy: study actions")
struct QueueActionTests {
    let today = StudyDay(year: 2026, month: 6, day: 1)

    @Test("suspended and buried cards are left out of every section; buried ones are back the next day")
    func leftOut() throws {
        let due = CardState(ef100: 250, repetitions: 1, interval: 1, due: today, lapses: 0, lastReview: today)
        var c = ListedCandidates()
        c.deckLimits = ["a": nil]
        c.cards = [
            .init(key: CardKey(deck: "a", id: "due"), position: 0, state: due),
            .init(key: CardKey(deck: "a", id: "due-suspended"), position: 1, state: due, suspended: true),
            .init(
                key: CardKey(deck: "a", id: "due-buried"), position: 2, state: due, buriedUntil: today.advanced(by: 1)),
            .init(key: CardKey(deck: "a", id: "new"), position: 3),
            .init(key: CardKey(deck: "a", id: "new-buried"), position: 4, buriedUntil: today.advanced(by: 1)),
            .init(key: CardKey(deck: "a", id: "new-suspended"), position: 5, suspended: true),
        ]
        let policy = QueuePolicy(newPerDay: 10)
        #expect(try policy.queue(day: today, from: c).map(\.card.id) == ["due", "new"])
        #expect(
            try policy.queue(day: today.advanced(by: 1), from: c).map(\.card.id) == [
                "due", "due-buried", "new", "new-buried",
            ])
    }
}
