import Foundation
import RecallCore
import RecallTestSupport
import Testing

@testable import DeckFormat

@Suite("Markdown deck files")
struct CardParserTests {
    @Test("front matter, cards, tags, fenced code with ## inside, level-1 title")
    func parsesCards() {
        let text = """
            ---
            deck: demo
            title: Demo
            tags: [a, b]
            ---
            # Title of the file

            Intro text that belongs to no card.

            ## What is LoRA? {#lora}
            tags: peft, Finetuning

            Low-rank adapters.

            ```python
            ## not a heading
            x = 1
            ```

            ## 旋转位置编码 (RoPE) 编码的是什么？
            相对位置。
            """
        let parsed = CardParser.parse(text: text, file: "demo.md")
        #expect(parsed.issues.isEmpty)
        #expect(parsed.meta.deck == "demo")
        #expect(parsed.meta.tags == ["a", "b"])
        #expect(parsed.cards.count == 2)
        #expect(parsed.cards[0].id == "lora")
        #expect(parsed.cards[0].question == "What is LoRA?")
        #expect(parsed.cards[0].tags == ["peft", "finetuning"])
        #expect(parsed.cards[0].answer.contains("## not a heading"))
        #expect(parsed.cards[0].line == 10)
        #expect(parsed.cards[1].id == nil)
        #expect(parsed.cards[1].answer == "相对位置。")
    }

    @Test(
        "every error kind names file:line and keeps the valid cards",
        arguments: [
            ("## Q {#a}\n\n", "demo.md:1: card 'a' 'Q' has an empty answer"),
            ("## {#a}\nanswer\n", "demo.md:1: card 'a' has an empty question"),
            ("## Q {#a} {#b}\nanswer\n", "demo.md:1: heading has more than one id"),
            ("## Q {#Bad_Id}\nanswer\n", "demo.md:1: invalid card id 'Bad_Id'"),
            ("## Q {#a} trailing\nanswer\n", "demo.md:1: the id {#…} must end the heading line"),
            ("---\ndeck: [x\n---\n## Q\nA\n", "demo.md:2: bad front matter"),
            ("---\ndeck: demo\n## Q\nA\n", "demo.md:1: bad front matter: no closing '---' line"),
            ("---\ndek: demo\n---\n## Q\nA\n", "demo.md:2: bad front matter: unknown key 'dek'"),
            ("---\ndeck: Not Valid\n---\n## Q\nA\n", "demo.md:2: bad front matter: deck id"),
        ])
    func errors(text: String, expected: String) {
        let parsed = CardParser.parse(text: text + "\n## Good {#good}\nfine\n", file: "demo.md")
        #expect(parsed.issues.count == 1)
        #expect(parsed.issues.first?.description.hasPrefix(expected) == true, "\(parsed.issues)")
        #expect(parsed.cards.contains { $0.id == "good" })
    }

    @Test("binary and non-UTF-8 files are reported, never guessed at")
    func binaryAndEncoding() {
        let binary = CardParser.parse(data: [0x23, 0x23, 0x20, 0x00, 0x01], file: "x.md")
        #expect(binary.issues.first?.message.contains("binary file") == true)
        let latin1 = CardParser.parse(data: Array("## Q {#q}\nline two\ncaf".utf8) + [0xE9, 0x0A], file: "x.md")
        #expect(latin1.issues.first?.description == "x.md:3: invalid UTF-8; save the file as UTF-8")
        #expect(latin1.cards.isEmpty)
    }

    @Test("CRLF files parse like LF files")
    func crlf() {
        let parsed = CardParser.parse(text: "## Q {#q}\r\nanswer\r\n", file: "x.md")
        #expect(parsed.cards.first?.answer == "answer")
        #expect(parsed.cards.first?.id == "q")
    }

    @Test(
        "a leading byte-order mark is not text: the first card and the front matter are read, lines unchanged",
        arguments: ["\n", "\r\n"])
    func byteOrderMark(newline: String) {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let cards = "## First {#bom1}\nOne.\n\n## Second {#bom2}\nTwo.\n".replacingOccurrences(of: "\n", with: newline)
        let plain = CardParser.parse(data: bom + Array(cards.utf8), file: "x.md")
        #expect(plain.issues.isEmpty)
        #expect(plain.cards.map(\.id) == ["bom1", "bom2"])
        #expect(plain.cards.map(\.line) == [1, 4])
        let front = "---\ndeck: b\ntags: [t1]\n---\n".replacingOccurrences(of: "\n", with: newline) + cards
        let withMeta = CardParser.parse(data: bom + Array(front.utf8), file: "x.md")
        #expect(withMeta.issues.isEmpty)
        #expect(withMeta.meta.deck == "b" && withMeta.meta.tags == ["t1"])
        #expect(withMeta.cards.map(\.id) == ["bom1", "bom2"])
        #expect(withMeta.cards.first?.line == 5)
    }

    @Test(
        "{#…} inside inline code is part of the question; only a trailing {#id} outside code is the id",
        arguments: [
            ("## What does `{#x}` do?", "What does `{#x}` do?", nil),
            ("## What does `{#x}` do? {#what-x}", "What does `{#x}` do?", "what-x"),
            ("## Is ``a `{#b}` c`` code? {#ticks}", "Is ``a `{#b}` c`` code?", "ticks"),
            ("## Ends in code `{#x}`", "Ends in code `{#x}`", nil),
            ("## Unclosed ` {#open}", "Unclosed `", "open"),
        ] as [(String, String, String?)])
    func idOutsideInlineCode(heading: String, question: String, id: String?) {
        let parsed = CardParser.parse(text: heading + "\nAnswer.\n", file: "x.md")
        #expect(parsed.issues.isEmpty, "\(parsed.issues)")
        #expect(parsed.cards.first?.question == question)
        #expect(parsed.cards.first?.id == id)
    }

    @Test("an id marker outside code still has to end the heading, and only one may be given")
    func idRulesOutsideCode() {
        let late = CardParser.parse(text: "## Q {#a} then `{#b}`\nA\n", file: "x.md")
        #expect(late.issues.first?.message.contains("must end the heading") == true)
        let two = CardParser.parse(text: "## Q {#a} `c` {#b}\nA\n", file: "x.md")
        #expect(two.issues.first?.message.contains("more than one id") == true)
    }
}

@Suite("Id write-back")
struct IDWriterTests {
    @Test("only the headings change, byte for byte, CRLF and missing final newline kept")
    func insertsOnlyIDs() {
        let original = "# T\r\n\r\n## First\r\nbody  \r\n\n## Second {#s}\nx\n## Third\nlast"
        let out = IDWriter.insert(ids: [3: "first", 8: "third"], into: Array(original.utf8))
        #expect(
            String(decoding: out, as: UTF8.self)
                == "# T\r\n\r\n## First {#first}\r\nbody  \r\n\n## Second {#s}\nx\n## Third {#third}\nlast")
    }

    @Test("a byte-order mark is kept on write-back, CRLF too, and the file reads back the same")
    func keepsByteOrderMark() throws {
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let original = bom + Array("## First\r\nOne.\r\n\r\n## Second\r\nTwo.\r\n".utf8)
        let out = IDWriter.insert(ids: [1: "first", 4: "second"], into: original)
        #expect(out == bom + Array("## First {#first}\r\nOne.\r\n\r\n## Second {#second}\r\nTwo.\r\n".utf8))
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write("bom.md", bytes: original)
        let scan = DeckScanner(displayBase: folder.path).scan([file])
        #expect(scan.allIssues.isEmpty && scan.idsWritten == 2)
        #expect(try Array(Data(contentsOf: file)) == out)
        #expect(
            DeckScanner(displayBase: folder.path).scan([file]).decks.first?.cards.map(\.card.key.id) == [
                "first", "second",
            ])
    }

    @Test("the scanner writes generated ids back and reads the same ids next time")
    func scannerWritesBack() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let file = try folder.write(
            "notes.md", "## What is a KV cache?\nIt stores keys and values.\n\n## 什么是注意力？\n加权求和。\n")
        let first = DeckScanner(displayBase: folder.path).scan([file])
        #expect(first.idsWritten == 2)
        let text = try folder.read("notes.md")
        #expect(text.contains("## What is a KV cache? {#what-is-a-kv-cache}\n"))
        #expect(text.contains("## 什么是注意力？ {#card-"))
        let second = DeckScanner(displayBase: folder.path).scan([file])
        #expect(second.idsWritten == 0)
        #expect(second.decks[0].cards.map(\.card.key) == first.decks[0].cards.map(\.card.key))
    }
}

@Suite("Deck discovery")
struct DeckScannerTests {
    @Test("folder decks, standalone files, docs skipped, duplicates reported, symlinks out refused")
    func discovery() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let outside = try TemporaryFolder()
        defer { outside.remove() }
        try folder.write("decks/llm/deck.yaml", "deck: llm\ntitle: LLM\n")
        try folder.write("decks/llm/a.md", "## A {#a}\nx\n")
        try folder.write("decks/llm/sub/b.md", "## B {#b}\ny\n## A again {#a}\nz\n")
        try folder.write("decks/llm/README.md", "## Not a card\nno\n")
        try folder.write("decks/loose.md", "---\ndeck: loose-deck\n---\n## L {#l}\nw\n")
        try outside.write("secret.md", "## S {#s}\nsecret\n")
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("decks/llm/link.md").path,
            withDestinationPath: outside.url.appendingPathComponent("secret.md").path)
        let result = DeckScanner(writeIDs: false, displayBase: folder.path).scan([
            folder.url.appendingPathComponent("decks")
        ])
        let ids = Dictionary(uniqueKeysWithValues: result.decks.map { ($0.id, $0.cards.map(\.card.key.id)) })
        #expect(ids["llm"] == ["a", "b"])
        #expect(ids["loose-deck"] == ["l"])
        let messages = result.allIssues.map(\.description)
        #expect(
            messages.contains {
                $0.hasPrefix("decks/llm/sub/b.md:3: duplicate id 'a' (first used at decks/llm/a.md:1)")
            })
        #expect(messages.contains { $0.hasPrefix("decks/llm/link.md: is a symlink") })
        #expect(!result.decks.flatMap(\.cards).contains { $0.card.key.id == "s" })
        #expect(result.decks.first { $0.id == "llm" }?.isClean == false)
    }
}
