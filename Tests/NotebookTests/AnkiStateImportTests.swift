import AnkiPackage
import Foundation
import Notebook
import RecallCore
import RecallTestSupport
import Storage
import Testing

/// Packages written with Recall's own writer, shaped as Anki writes them, for what an import keeps
/// of Anki's cards besides their text (issue 18, points 7 and 10).
@Suite("Anki import: schedules, states and deck ids")
struct AnkiStateImportTests {
    /// 2026-11-01 04:00 UTC: Anki's day 0 of these collections.
    static let creation: Int64 = 1_793_505_600
    static let basic = AnkiNoteType(
        id: 7, name: "Basic", kind: .standard, fields: ["Front", "Back"],
        templates: [.init(name: "Card 1", question: "{{Front}}", answer: "{{FrontSide}}<hr>{{Back}}")])

    /// Milliseconds of `hour`:00 UTC on November `day`, 2026.
    static func at(_ day: Int, _ hour: Int = 12) -> Int64 {
        (creation - 4 * 3600 + Int64(day - 1) * 86_400 + Int64(hour) * 3600) * 1000
    }

    static func note(_ id: Int64, _ guid: String) -> AnkiNote {
        AnkiNote(id: id, guid: guid, noteTypeID: 7, modified: creation, tags: [], fields: ["Q \(guid)?", "A \(guid)."])
    }

    static func review(_ id: Int64, card: Int64, ease: Int, type: AnkiReview.ReviewType) -> AnkiReview {
        AnkiReview(
            id: id, cardID: card, ease: ease, interval: 1, lastInterval: 0, factor: 2500, timeMs: 3000, type: type)
    }

    @Test(
        "each card keeps Anki's due day, interval, ease and lapses, its suspension and its burial; again adds nothing")
    func schedulesKept() throws {
        let t = try TestNotebook(now: "2026-11-23T10:00:00Z")
        func card(
            _ id: Int64, note: Int64, type: AnkiCard.CardType, queue: Int, due: Int64, ivl: Int, factor: Int,
            lapses: Int, mod: Int64
        ) -> AnkiCard {
            AnkiCard(
                id: id, noteID: note, deckID: 42, ordinal: 0, modified: mod, type: type, queue: queue, due: due,
                interval: ivl, factor: factor, repetitions: 4, lapses: lapses)
        }
        let mod = Self.at(22) / 1000
        let collection = AnkiCollection(
            creation: Self.creation, decks: [AnkiDeck(id: 42, name: "Kept")], noteTypes: [Self.basic],
            notes: [Self.note(1, "due-card"), Self.note(2, "held"), Self.note(3, "buried"), Self.note(4, "fresh")],
            cards: [
                card(10, note: 1, type: .review, queue: 2, due: 30, ivl: 9, factor: 2650, lapses: 1, mod: mod),
                card(20, note: 2, type: .review, queue: -1, due: 25, ivl: 4, factor: 2500, lapses: 0, mod: mod),
                card(
                    30, note: 3, type: .review, queue: -3, due: 24, ivl: 3, factor: 2350, lapses: 0,
                    mod: Self.at(23, 9) / 1000),
                card(40, note: 4, type: .new, queue: 0, due: 1, ivl: 0, factor: 0, lapses: 0, mod: mod),
            ],
            reviews: [
                // A new card's learning steps on one day, then a lapse and its relearning step, then a review.
                Self.review(Self.at(10), card: 10, ease: 3, type: .learning),
                Self.review(Self.at(10) + 300_000, card: 10, ease: 3, type: .learning),
                Self.review(Self.at(14), card: 10, ease: 1, type: .review),
                Self.review(Self.at(14) + 600_000, card: 10, ease: 3, type: .relearning),
                Self.review(Self.at(22), card: 10, ease: 3, type: .review),
                Self.review(Self.at(20), card: 20, ease: 3, type: .learning),
                Self.review(Self.at(20), card: 30, ease: 3, type: .learning),
            ].enumerated().map { index, row in
                var row = row
                row.id += Int64(index)  // revlog ids are unique
                return row
            })
        let package = t.decks.url.appendingPathComponent("kept.apkg")
        try AnkiPackageWriter.write(collection, to: package, now: mod)
        let report = try #require(try t.notebook.importPaths([package]).packages.first)
        #expect(report.statesSet == 5)  // three schedules, a suspension, a burial
        let deck = try #require(report.decks.first)
        func key(_ id: String) -> CardKey { CardKey(deck: deck, id: id) }
        let nov1 = StudyDay(year: 2026, month: 11, day: 1)

        let due = try t.notebook.show(key("due-card"))
        #expect(due.state?.due == nov1.advanced(by: 30))
        #expect(due.state?.interval == 9)
        #expect(due.state?.ef100 == 265)
        #expect(due.state?.lapses == 1)
        #expect(!due.stored.suspended && due.stored.buriedUntil == nil)
        // Learning and relearning steps after a day's first answer are re-drills, not SM-2 reviews.
        #expect(due.history.map(\.kind) == [.review, .drill, .review, .drill, .review])

        let held = try t.notebook.show(key("held"))
        #expect(held.stored.suspended)
        #expect(held.state?.due == nov1.advanced(by: 25) && held.state?.interval == 4)
        let buried = try t.notebook.show(key("buried"))
        #expect(buried.stored.buriedUntil == StudyDay(year: 2026, month: 11, day: 24))
        #expect(buried.state?.ef100 == 235 && buried.state?.interval == 3)
        #expect(try t.notebook.show(key("fresh")).state == nil)
        #expect(try t.notebook.checkHealth().inconsistent.isEmpty)
        // A full refold (recall doctor --refold) comes to the same states.
        try t.notebook.refold()
        #expect(try t.notebook.show(key("due-card")).state == due.state)
        #expect(try t.notebook.show(key("held")).stored.suspended)

        let again = try #require(try t.notebook.importPaths([package]).packages.first)
        #expect(again.statesSet == 0)
        #expect(again.reviewsAdded == 0)
        #expect(try t.notebook.show(key("due-card")).state == due.state)

        // The next grade folds from Anki's schedule: 9 days × EF 2.65.
        t.advance(days: 8)
        let answered = try t.notebook.answer(key("due-card"), grade: Grade(rawValue: 4)!)
        #expect(answered.state?.interval == 24)
        #expect(answered.state?.lapses == 1)
        #expect(try t.notebook.checkHealth().inconsistent.isEmpty)
    }

    @Test("decks whose names read alike get ids of their own; a package holding one of them changes only it")
    func deckIDs() throws {
        let t = try TestNotebook()
        let names: [(Int64, String)] = [(11, "A::B"), (12, "A B"), (13, "a-b")]
        func package(_ decks: [(Int64, String)], _ name: String) throws -> URL {
            var notes: [AnkiNote] = []
            var cards: [AnkiCard] = []
            for (deck, _) in decks {
                for n in 0..<3 {
                    let id = deck * 100 + Int64(n)
                    notes.append(Self.note(id, "n\(id)"))
                    cards.append(
                        AnkiCard(
                            id: id * 10, noteID: id, deckID: deck, ordinal: 0, modified: Self.creation, type: .new,
                            queue: 0, due: id, interval: 0, factor: 0, repetitions: 0, lapses: 0))
                }
            }
            let collection = AnkiCollection(
                creation: Self.creation, decks: decks.map { AnkiDeck(id: $0.0, name: $0.1) },
                noteTypes: [Self.basic], notes: notes, cards: cards)
            let url = t.decks.url.appendingPathComponent(name)
            try AnkiPackageWriter.write(collection, to: url, now: Self.creation)
            return url
        }
        let all = try #require(try t.notebook.importPaths([try package(names, "all.apkg")]).packages.first)
        #expect(Set(all.decks).count == 3)
        let only = try #require(try t.notebook.importPaths([try package([names[0]], "one.apkg")]).packages.first)
        #expect(only.decks.count == 1)
        #expect(all.decks.contains(only.decks[0]))
        #expect(only.counts.removed == 0 && only.counts.added == 0)
        let decks = try t.notebook.decks()
        #expect(decks.count == 3)
        #expect(decks.allSatisfy { $0.total == 3 }, "\(decks)")
        #expect(try t.notebook.cards().count == 9)
        // The same id from its name and Anki id alone, whatever else the package holds.
        let ab = try #require(decks.first { $0.title == "A/B" })
        #expect(ab.deck == only.decks[0])
        #expect(ab.deck.hasPrefix("a-b-"))
    }
}
