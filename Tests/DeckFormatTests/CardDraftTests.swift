import DeckFormat
import Testing

@Suite("Card drafts for `recall add`")
struct CardDraftTests {
    let template = CardDraft.template(deck: "d", file: "cards.md", tags: ["peft"])

    /// The template with `question` on its question line and `answer` on the line below the tags.
    func filled(_ question: String, _ answer: String) -> String {
        template.replacingOccurrences(of: "## \ntags: peft\n\n", with: "## \(question)\ntags: peft\n\n\(answer)")
    }

    @Test("the template as given, emptied, or with only tags adds nothing")
    func emptyDrafts() {
        #expect(CardDraft.read(template, file: "draft.md") == .empty)
        #expect(CardDraft.read("", file: "draft.md") == .empty)
        #expect(CardDraft.read("\n\n## \ntags: a, b\n", file: "draft.md") == .empty)
        #expect(template.split(separator: "\n", omittingEmptySubsequences: false)[CardDraft.questionLine - 1] == "## ")
    }

    @Test("a filled template is one card; the guide lines are left out")
    func filledTemplate() {
        let reading = CardDraft.read(
            filled("What is LoRA? {#lora}", "Low-rank adapters.\n\n```\n# not a heading\n```\n"), file: "draft.md")
        #expect(
            reading
                == .card(
                    NewCard(
                        id: "lora", question: "What is LoRA?",
                        answer: "Low-rank adapters.\n\n```\n# not a heading\n```", tags: ["peft"])))
    }

    @Test(
        "a draft that is not exactly one card is refused with the line and the reason",
        arguments: [
            ("## Only a question\n", "empty answer"),
            ("Question on a plain line\nAnswer\n", "no card"),
            ("## One\nA\n\n## Two\nB\n", "2 cards"),
            ("## One\nA\n# Heading\nlost text\n", "'lost text' is outside the card"),
            ("stray\n## One\nA\n", "'stray' is outside the card"),
            ("## One {#Bad Id}\nA\n", "invalid card id"),
        ])
    func problems(text: String, message: String) {
        guard case .problems(let issues) = CardDraft.read(text, file: "draft.md") else {
            Issue.record("read as a card: \(text)")
            return
        }
        #expect(issues.contains { $0.description.hasPrefix("draft.md") && $0.message.contains(message) }, "\(issues)")
    }

    @Test("the command line's values: tags normalised, an id at the question's end kept, a lost line refused")
    func givenValues() {
        #expect(
            CardDraft.card(question: " Why? {#why} ", answer: "Because.\n", tags: ["A", "b,c", "a"])
                == .card(NewCard(id: "why", question: "Why?", answer: "Because.", tags: ["a", "b", "c"])))
        for answer in ["tags: are labels\nand more", "Intro\n# Heading"] {
            guard case .problems(let issues) = CardDraft.card(question: "Q", answer: answer, tags: []) else {
                Issue.record("accepted \(answer)")
                continue
            }
            #expect(issues.first?.message.contains("would not read back") == true)
        }
    }

    @Test("a card is appended after a blank line and reads back; a file ending in an open fence is refused")
    func appending() throws {
        let card = NewCard(question: "Q", answer: "A", tags: ["t"])
        let section = "## Q {#q}\ntags: t\n\nA\n"
        #expect(card.appended(to: [], id: "q").map { String(decoding: $0.bytes, as: UTF8.self) } == section)
        let cases = [("## P {#p}\nB", 4), ("## P {#p}\nB\n", 4), ("## P {#p}\nB\n\n", 4), ("## P {#p}\r\nB\r\n", 4)]
        for (old, line) in cases {
            let appended = try #require(card.appended(to: Array(old.utf8), id: "q"))
            #expect(appended.line == line && appended.cards == 2, "\(old)")
            #expect(appended.bytes.suffix(section.utf8.count + 2) == ArraySlice(("\n\n" + section).utf8), "\(old)")
        }
        #expect(card.appended(to: Array("## P {#p}\n```\ncode\n".utf8), id: "q") == nil)
    }

    @Test("generated ids come from the question and skip the taken ones")
    func generatedIDs() {
        #expect(GeneratedID.make(for: "What is LoRA?") { _ in false } == "what-is-lora")
        #expect(
            GeneratedID.make(for: "What is LoRA?") { ["what-is-lora", "what-is-lora-2"].contains($0) }
                == "what-is-lora-3")
        #expect(GeneratedID.make(for: "注意力") { _ in false }.hasPrefix("card-"))
    }
}
