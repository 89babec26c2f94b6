import AnkiPackage
import Foundation
import Notebook
import RecallCore
import RecallTestSupport
import Testing

/// What an Anki import leaves out is counted in its report, reviews included (issue 18, point 8).
@Suite("Anki import: skipped notes")
struct AnkiSkippedNotesTests {
    @Test("a note with an empty question is skipped with its reviews, and both are counted")
    func emptyNote() throws {
        let t = try TestNotebook()
        let basic = AnkiNoteType(
            id: 7, name: "Basic", kind: .standard, fields: ["Front", "Back"],
            templates: [.init(name: "Card 1", question: "{{Front}}", answer: "{{FrontSide}}<hr>{{Back}}")])
        let card = { (id: Int64, note: Int64) in
            AnkiCard(
                id: id, noteID: note, deckID: 42, ordinal: 0, modified: 1_795_430_000, type: .review, queue: 2,
                due: 12, interval: 6, factor: 2600, repetitions: 2, lapses: 0)
        }
        let review = { (id: Int64, card: Int64) in
            AnkiReview(
                id: id, cardID: card, ease: 3, interval: 1, lastInterval: 0, factor: 2500, timeMs: 4000,
                type: .learning)
        }
        let collection = AnkiCollection(
            creation: 1_795_406_400, decks: [AnkiDeck(id: 42, name: "Skips")], noteTypes: [basic],
            notes: [
                AnkiNote(
                    id: 100, guid: "kept", noteTypeID: 7, modified: 1_795_430_000, tags: [], fields: ["Q?", "A."]),
                AnkiNote(id: 101, guid: "empty", noteTypeID: 7, modified: 1_795_430_000, tags: [], fields: ["", "A."]),
            ],
            cards: [card(200, 100), card(201, 101)],
            reviews: [review(1_795_168_800_000, 200), review(1_795_168_900_000, 201), review(1_795_255_200_000, 201)])
        let package = t.decks.url.appendingPathComponent("skips.apkg")
        try AnkiPackageWriter.write(collection, to: package, now: 1_795_430_000)
        let report = try #require(try t.notebook.importPaths([package]).packages.first)
        #expect(report.notesSkipped == 1)
        #expect(report.reviewsSkipped == 2)
        #expect(report.reviewsAdded == 1)
    }

    @Test("every note, card and revlog row left out is counted under its reason")
    func everySkipCounted() throws {
        let t = try TestNotebook()
        let reversed = AnkiNoteType(
            id: 8, name: "Basic (and reversed card)", kind: .standard, fields: ["Front", "Back"],
            templates: [
                .init(name: "Card 1", question: "{{Front}}", answer: "{{FrontSide}}<hr>{{Back}}"),
                .init(name: "Card 2", question: "{{Back}}", answer: "{{FrontSide}}<hr>{{Front}}"),
            ])
        let card = { (id: Int64, note: Int64, ord: Int) in
            AnkiCard(
                id: id, noteID: note, deckID: 42, ordinal: ord, modified: 1_795_430_000, type: .review, queue: 2,
                due: 12, interval: 6, factor: 2600, repetitions: 2, lapses: 0)
        }
        let review = { (id: Int64, card: Int64, ease: Int, type: AnkiReview.ReviewType) in
            AnkiReview(
                id: id, cardID: card, ease: ease, interval: 1, lastInterval: 0, factor: 2500, timeMs: 4000, type: type)
        }
        let day: Int64 = 1_795_168_800_000
        let collection = AnkiCollection(
            creation: 1_795_406_400, decks: [AnkiDeck(id: 42, name: "Skips")], noteTypes: [reversed],
            notes: [
                AnkiNote(
                    id: 100, guid: "both", noteTypeID: 8, modified: 1_795_430_000, tags: [], fields: ["cat", "猫"]),
                AnkiNote(id: 101, guid: "empty", noteTypeID: 8, modified: 1_795_430_000, tags: [], fields: ["", "x"]),
            ],
            cards: [
                card(200, 100, 0), card(201, 100, 1), card(202, 101, 0), card(203, 101, 1), card(204, 999, 0),
                card(205, 100, 2),  // of a template the note type lacks
            ],
            reviews: [
                review(day, 200, 3, .learning),  // kept
                review(day + 1, 200, 0, .manual),  // a rescheduling by hand
                review(day + 2, 200, 7, .review),  // no such button
                review(day + 3, 201, 3, .learning), review(day + 4, 201, 3, .review),  // the reversed side: kept
                review(day + 5, 202, 3, .learning),  // of the empty note
                review(day + 6, 204, 3, .learning),  // of a card without its note
                review(day + 7, 777, 3, .learning),  // of no card at all
                review(day + 8, 205, 3, .learning),  // of the card no template makes
            ])
        let package = t.decks.url.appendingPathComponent("skips.apkg")
        try AnkiPackageWriter.write(collection, to: package, now: 1_795_430_000)
        let report = try #require(try t.notebook.importPaths([package]).packages.first)
        #expect(
            report.skipped == [
                .emptyNote: 1, .cardOfSkippedNote: 2, .cardNotMade: 1, .cardWithoutNote: 1,
                .reviewOfSkippedNote: 1, .reviewOfCardNotMade: 1, .reviewWithoutCard: 2, .reviewManual: 1,
                .reviewUnknownButton: 1,
            ])
        #expect(report.reviewsAdded == 3)
        #expect(report.reviewsSkipped == 6)
        // Both sides of the reversed note are cards, each with its own reviews.
        #expect(try t.notebook.show(CardKey(deck: report.decks[0], id: "both-t2")).history.count == 2)
    }
}
