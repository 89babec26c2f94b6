import AnkiPackage
import Foundation
import RecallCore
import Testing

@testable import Notebook
@testable import Storage

/// When an export gives an Anki note back, and with which fields (AnkiNotesGivenBack), without
/// Anki: the interop tests (CLITests, AnkiNotesGivenBackTests) take the notes through Anki itself.
@Suite("Anki notes given back: when, and with which fields")
struct AnkiNoteReturnTests {
    static let reversed = AnkiNoteType(
        id: 7, name: "Basic (and reversed card)", kind: .standard, fields: ["Front", "Back"],
        templates: [
            .init(name: "Card 1", question: "{{Front}}", answer: "{{FrontSide}}<hr id=answer>{{Back}}"),
            .init(name: "Card 2", question: "{{Back}}", answer: "{{FrontSide}}<hr id=answer>{{Front}}"),
        ])
    static let cloze = AnkiNoteType(
        id: 8, name: "Cloze", kind: .cloze, fields: ["Text", "Back Extra"],
        templates: [.init(name: "Cloze", question: "{{cloze:Text}}", answer: "{{cloze:Text}}<br>{{Back Extra}}")])

    static func stored(_ id: String, _ front: String, _ back: String, tags: [String] = ["ja"], changed: Int64? = nil)
        -> StoredCard
    {
        StoredCard(
            card: Card(
                key: CardKey(deck: "d", id: id), front: front, back: back, tags: tags, sourceFile: "cards.md",
                sourceLine: 1),
            removed: false, state: nil, textChanged: changed)
    }

    static let neko = AnkiNoteOrigins.Note(
        guid: "neko", noteType: 7, fields: ["猫", "<b>cat</b>"], tags: ["ja"], mod: 1_700_000_000,
        cards: ["neko": 0, "neko-t2": 1])

    @Test("unchanged cards: the note as it came, fields, tags and mod")
    func unchanged() throws {
        let cards = ["neko": Self.stored("neko", "猫", "**cat**"), "neko-t2": Self.stored("neko-t2", "**cat**", "猫")]
        let given = try #require(AnkiNotesGivenBack.given(Self.neko, type: Self.reversed, cards: cards))
        #expect(given.note.fields == ["猫", "<b>cat</b>"])
        #expect(given.note.guid == "neko" && given.note.tags == ["ja"] && given.note.modified == 1_700_000_000)
        #expect(given.ordinals == ["neko": 0, "neko-t2": 1])
    }

    @Test("an edit of either side of a reversed note goes into its fields, with the edit's time")
    func editedSide() throws {
        let edited = Self.stored("neko-t2", "**kitten**", "猫", changed: 1_800_000_000_000)
        let cards = ["neko": Self.stored("neko", "猫", "**cat**"), "neko-t2": edited]
        let given = try #require(AnkiNotesGivenBack.given(Self.neko, type: Self.reversed, cards: cards))
        #expect(given.note.fields == ["猫", "<strong>kitten</strong>"])
        #expect(given.note.modified == 1_800_000_000)
        // An edit timed before the note's own mod still makes it newer, or Anki would keep the old text.
        let early = Self.stored("neko-t2", "**kitten**", "猫", changed: 1_000)
        let again = try #require(
            AnkiNotesGivenBack.given(
                Self.neko, type: Self.reversed, cards: ["neko": Self.stored("neko", "猫", "**cat**"), "neko-t2": early]))
        #expect(again.note.modified == 1_700_000_001)
    }

    @Test("edits that disagree on a field, an edited cloze, a missing card: exported as Recall notes")
    func notGivenBack() {
        // Both sides edited alike: given back, with the edit.
        let alike = [
            "neko": Self.stored("neko", "猫", "**dog**"), "neko-t2": Self.stored("neko-t2", "**dog**", "猫"),
        ]
        #expect(
            AnkiNotesGivenBack.given(Self.neko, type: Self.reversed, cards: alike)?.note.fields == [
                "猫", "<strong>dog</strong>",
            ])
        let disagree = [
            "neko": Self.stored("neko", "猫", "**dog**"), "neko-t2": Self.stored("neko-t2", "**cow**", "猫"),
        ]
        #expect(AnkiNotesGivenBack.given(Self.neko, type: Self.reversed, cards: disagree) == nil)
        #expect(
            AnkiNotesGivenBack.given(
                Self.neko, type: Self.reversed, cards: ["neko": Self.stored("neko", "猫", "**cat**")])
                == nil)
        let tokyo = AnkiNoteOrigins.Note(
            guid: "tokyo", noteType: 8, fields: ["{{c1::Tokyo}} is in Japan", ""], tags: [], mod: 1,
            cards: ["tokyo-c1": 0])
        let same = ["tokyo-c1": Self.stored("tokyo-c1", "[...] is in Japan", "Tokyo is in Japan", tags: [])]
        #expect(AnkiNotesGivenBack.given(tokyo, type: Self.cloze, cards: same) != nil)
        let changed = ["tokyo-c1": Self.stored("tokyo-c1", "[...] is in Japan", "Tokyo is in Honshu", tags: [])]
        #expect(AnkiNotesGivenBack.given(tokyo, type: Self.cloze, cards: changed) == nil)
    }
}
