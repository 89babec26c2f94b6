import AnkiPackage
import RecallCore
import Testing

@testable import Notebook

@Suite("Anki note types to cards")
struct AnkiNoteConverterTests {
    func type(
        _ name: String, kind: AnkiNoteType.Kind = .standard, fields: [String], question: String, answer: String
    ) -> AnkiNoteType {
        AnkiNoteType(
            id: 1, name: name, kind: kind, fields: fields,
            templates: [.init(name: "Card 1", question: question, answer: answer)])
    }

    func cards(_ type: AnkiNoteType, _ fields: [String]) -> [AnkiNoteConverter.Converted] {
        guard let plan = AnkiNoteConverter.plan(for: type) else { return [] }
        let note = AnkiNote(id: 1, guid: "g", noteTypeID: 1, modified: 0, tags: [], fields: fields)
        return AnkiNoteConverter.convert(note, plan: plan)
    }

    @Test("Basic (type in the answer): the input box is not part of the question")
    func typeIn() {
        let basic = type(
            "Basic (type in the answer)", fields: ["Front", "Back"], question: "{{Front}}\n\n{{type:Back}}",
            answer: "{{Front}}\n\n<hr id=answer>\n\n{{type:Back}}")
        let made = cards(basic, ["Capital of <b>Peru</b>?", "Lima"])
        #expect(made.map(\.front) == ["Capital of **Peru**?"])
        #expect(made.map(\.back) == ["Lima"])
    }

    @Test("a custom type: question and answer from the fields its first template shows")
    func custom() {
        let vocabulary = type(
            "Vocabulary", fields: ["Word", "Reading", "Meaning", "Notes"],
            question: "{{Word}}{{#Reading}}<br>{{hint:Reading}}{{/Reading}}",
            answer: "{{FrontSide}}<hr id=answer>{{Meaning}}<br>{{Notes}}")
        let made = cards(vocabulary, ["猫", "ねこ", "cat", ""])
        #expect(made.map(\.front) == ["猫 ねこ"])
        #expect(made.map(\.back) == ["cat"])
    }

    @Test("a card per template the note has in Anki: ids -t2, -t3 …; a template that shows nothing makes none")
    func everyTemplate() throws {
        let reversed = AnkiNoteType(
            id: 1, name: "Basic (and reversed card) and more", kind: .standard, fields: ["Front", "Back"],
            templates: [
                .init(name: "Card 1", question: "{{Front}}", answer: "{{FrontSide}}<hr id=answer>{{Back}}"),
                .init(name: "Card 2", question: "{{Back}}", answer: "{{FrontSide}}<hr id=answer>{{Front}}"),
                .init(name: "Static", question: "Hello", answer: "{{Front}}"),
            ])
        let plan = try #require(AnkiNoteConverter.plan(for: reversed))
        let note = AnkiNote(id: 1, guid: "g", noteTypeID: 1, modified: 0, tags: [], fields: ["猫", "<i>cat</i>"])
        let made = AnkiNoteConverter.convert(note, plan: plan, ordinals: [0, 1, 2])
        #expect(made.map(\.suffix) == ["", "-t2"])
        #expect(made.map(\.ordinal) == [0, 1])
        #expect(made.map(\.front) == ["猫", "*cat*"])
        #expect(made.map(\.back) == ["*cat*", "猫"])
        // Anki made only the first card (an optional reverse left empty): so does Recall.
        #expect(AnkiNoteConverter.convert(note, plan: plan, ordinals: [0]).map(\.suffix) == [""])
    }

    @Test("a multi-line question is joined onto one line (its line breaks as <br>), and `{#` cannot pose as an id")
    func oneLine() {
        let basic = type("Basic", fields: ["Front", "Back"], question: "{{Front}}", answer: "{{Back}}")
        let made = cards(basic, ["<div>line one</div><div>line two {#x}</div><p>para</p>", "answer"])
        #expect(made.map(\.front) == ["line one<br>line two {\\#x} para"])
        #expect(AnkiHTML.html(fromMarkdown: made[0].front) == "line one<br>line two {#x} para")
        // A single line is kept as it is, a last backslash too.
        #expect(AnkiNoteConverter.oneLine("Path C:\\") == "Path C:\\")
        #expect(AnkiNoteConverter.oneLine("a\\\nb\\\\\nc") == "a<br>b\\\\ c")
    }

    @Test("empty question or answer: no card")
    func empty() {
        let basic = type("Basic", fields: ["Front", "Back"], question: "{{Front}}", answer: "{{Back}}")
        #expect(cards(basic, ["question", "<br>"]).isEmpty)
        #expect(cards(basic, ["", "answer"]).isEmpty)
    }

    @Test("types that cannot be mapped: one field, no field in the question, Image Occlusion")
    func unmappable() {
        #expect(
            AnkiNoteConverter.plan(for: type("One", fields: ["Word"], question: "{{Word}}", answer: "{{FrontSide}}"))
                == nil)
        #expect(
            AnkiNoteConverter.plan(for: type("Static", fields: ["A", "B"], question: "Hello", answer: "{{A}}")) == nil)
        let occlusion = type(
            "Image Occlusion", kind: .cloze, fields: ["Occlusion", "Image", "Header", "Back Extra", "Comments"],
            question: "{{#Header}}{{Header}}{{/Header}}{{cloze:Occlusion}}", answer: "{{cloze:Occlusion}}{{Back Extra}}"
        )
        #expect(AnkiNoteConverter.plan(for: occlusion) == nil)
    }

    @Test("a deck that reads back unlike its plan says which cards differ, never 'n of n'")
    func readBackProblem() {
        let key = { (id: String) in CardKey(deck: "coding", id: id) }
        let card = { (id: String) in AnkiImportPlan.PlannedCard(key: key(id), front: "q", back: "a", tags: []) }
        let deck = AnkiImportPlan.PlannedDeck(id: "coding", title: "Coding", cards: [card("a"), card("b")])
        let renamed = AnkiImportPlan.readBackProblem(deck: deck, read: [key("a"), key("b-from-question")])
        #expect(
            renamed
                == "1 of its 2 cards do not read back from the Markdown written for them (not found: b) (read instead: b-from-question)"
        )
        let reordered = AnkiImportPlan.readBackProblem(deck: deck, read: [key("b"), key("a")])
        #expect(reordered == "its cards read back in another order (card 1 is b, planned a)")
        #expect(AnkiImportPlan.readBackProblem(deck: deck, read: [key("a"), key("b")]) == nil)
    }
}
