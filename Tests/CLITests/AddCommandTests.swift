import Foundation
import RecallTestSupport
import Testing

/// A shell script usable as $EDITOR: recall runs it as `script +LINE FILE`.
func editorScript(in folder: TemporaryFolder, _ name: String, _ body: String) throws -> String {
    let script = try folder.write(name, "#!/bin/sh\n" + body + "\n")
    chmod(script.path, 0o755)
    return script.path
}

/// A notebook with deck `d` (three cards in d/cards.md), a folder for scripts and a $TMPDIR of its
/// own (to see which drafts are left), removed by `remove()`.
struct AddFixture {
    let home: TemporaryFolder
    let decks: TemporaryFolder
    let tmp: TemporaryFolder

    init() throws {
        (home, decks) = try homeWithDeck()
        tmp = try TemporaryFolder("recall-tmpdir")
    }

    func remove() {
        home.remove()
        decks.remove()
        tmp.remove()
    }

    var cardsFile: URL { decks.url.appendingPathComponent("d/cards.md") }
    func cardsBytes() throws -> Data { try Data(contentsOf: cardsFile) }

    /// The drafts left in $TMPDIR.
    func drafts() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: tmp.path).filter { $0.hasPrefix("recall-card-") }
    }

    func run(_ arguments: [String], editor: String? = nil) throws -> RecallProcess.Result {
        var environment = ["TMPDIR": tmp.path, "VISUAL": ""]
        environment["EDITOR"] = editor ?? "/bin/false"
        return try RecallProcess.run(arguments, home: home.path, environment: environment)
    }

    func show(_ key: String) throws -> [String: Any] { try run(["show", key, "--json"]).json }
}

@Suite("recall add")
struct AddCommandTests {
    @Test("--question, --answer and --tag append a card with its id to the deck's file and import it")
    func addFromFlags() throws {
        let fixture = try AddFixture()
        defer { fixture.remove() }
        let added = try fixture.run([
            "add", "d", "--question", "What is LoRA?", "--answer", "Low-rank adapters.\n\n- frozen W", "--tag", "peft",
            "--tag", "LLM", "--json",
        ])
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.json["card"] as? String == "d/what-is-lora" && added.json["added"] as? Bool == true)
        #expect(added.json["line"] as? Int == 10 && added.json["file"] as? String == fixture.cardsFile.path)
        let text = try String(contentsOf: fixture.cardsFile, encoding: .utf8)
        #expect(
            text.hasSuffix(
                "Answer 3.\n\n## What is LoRA? {#what-is-lora}\ntags: peft, llm\n\nLow-rank adapters.\n\n- frozen W\n"))
        let show = try fixture.show("d/what-is-lora")
        #expect(show["front"] as? String == "What is LoRA?")
        #expect(show["back"] as? String == "Low-rank adapters.\n\n- frozen W")
        #expect(show["tags"] as? [String] == ["peft", "llm"] && show["line"] as? Int == 10)
        // The same question again gets an id of its own.
        let again = try fixture.run(["add", "d", "--question", "What is LoRA?", "--answer", "Again."])
        #expect(again.status == 0 && again.stdout.contains("Added d/what-is-lora-2 at"), "\(again.stderr)")
        // The file is as an import would leave it: importing it again changes nothing.
        let reimport = try fixture.run(["import", fixture.decks.path + "/d", "--json"])
        #expect(reimport.json["unchanged"] as? Int == 5 && reimport.json["ids_written"] as? Int == 0)
        #expect(try fixture.drafts().isEmpty)
    }

    @Test("without --question, the card written in $EDITOR (on the template, at the question line) is added")
    func addFromEditor() throws {
        let fixture = try AddFixture()
        defer { fixture.remove() }
        let log = fixture.tmp.url.appendingPathComponent("editor.log").path
        let editor = try editorScript(
            in: fixture.decks, "editor.sh",
            """
            echo "$1 $2" > '\(log)'
            cat "$2" >> '\(log)'
            printf '# my notes\\n## Why pre-norm? {#pre-norm}\\ntags: transformer\\n\\nStabler gradients.\\n' > "$2"
            """)
        let added = try fixture.run(["add", "d", "--tag", "transformer", "--json"], editor: editor)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.json["card"] as? String == "d/pre-norm")
        let seen = try String(contentsOfFile: log, encoding: .utf8)
        #expect(
            seen.hasPrefix("+6 \(fixture.tmp.path)/recall-card-") && seen.contains(".md\n# A new card for deck 'd'"))
        #expect(seen.contains("\n## \ntags: transformer\n"))
        let show = try fixture.show("d/pre-norm")
        #expect(show["back"] as? String == "Stabler gradients." && show["tags"] as? [String] == ["transformer"])
        #expect(
            try String(contentsOf: fixture.cardsFile, encoding: .utf8).contains("\n\n## Why pre-norm? {#pre-norm}\n"))
        #expect(try fixture.drafts().isEmpty)
    }

    @Test(
        "a card left empty in the editor adds nothing (exit 0) and leaves the file byte for byte",
        arguments: [
            "exit 0",  // the template as it was
            ": > \"$2\"",  // emptied
            "printf '## \\ntags: x, y\\n' > \"$2\"",  // only tags
        ])
    func emptyDraft(editorBody: String) throws {
        let fixture = try AddFixture()
        defer { fixture.remove() }
        let before = try fixture.cardsBytes()
        let editor = try editorScript(in: fixture.decks, "editor.sh", editorBody)
        let result = try fixture.run(["add", "d"], editor: editor)
        #expect(result.status == 0 && result.stdout.contains("Nothing added"), "\(result.stderr)")
        let json = try fixture.run(["add", "d", "--json"], editor: editor)
        #expect(json.status == 0 && json.json["added"] as? Bool == false && json.json["card"] is NSNull)
        #expect(try fixture.cardsBytes() == before)
        #expect(try fixture.drafts().isEmpty)
    }

    @Test("an editor that exits 1, or is missing, adds nothing and leaves the file byte for byte; typed text is kept")
    func editorFailures() throws {
        let fixture = try AddFixture()
        defer { fixture.remove() }
        let before = try fixture.cardsBytes()
        let quits = try editorScript(in: fixture.decks, "quits.sh", "exit 1")
        let failed = try fixture.run(["add", "d"], editor: quits)
        #expect(failed.status == 1, "\(failed.stdout)")
        #expect(failed.stderr.contains("the editor '\(quits)' exited with status 1; nothing was added"))
        #expect(try fixture.drafts().isEmpty)

        let missing = try fixture.run(["add", "d"], editor: "/nonexistent/editor")
        #expect(missing.status == 1 && missing.stderr.contains("could not be found or run"), "\(missing.stderr)")
        #expect(missing.stderr.contains("$VISUAL or $EDITOR"))

        let typedThenFailed = try editorScript(
            in: fixture.decks, "typed.sh", "printf '## Half-typed question\\n' > \"$2\"\nexit 1")
        let kept = try fixture.run(["add", "d"], editor: typedThenFailed)
        #expect(kept.status == 1 && kept.stderr.contains("exited with status 1"), "\(kept.stderr)")
        let drafts = try fixture.drafts()
        #expect(drafts.count == 1 && kept.stderr.contains("kept in \(fixture.tmp.path)/\(drafts.first ?? "?")"))
        #expect(try fixture.tmp.read(drafts.first ?? "?") == "## Half-typed question\n")
        #expect(try fixture.cardsBytes() == before)
        #expect(try fixture.run(["decks", "--json"]).stdout.contains("\"total\" : 3"))
    }

    @Test(
        "text that is not one card is refused, naming the problem; the file is untouched and the text kept",
        arguments: [
            ("## Only a question\n", ":1: card 'Only a question' has an empty answer"),
            ("Question on a plain line\nIts answer\n", "no card: write the question on a line starting with '## '"),
            ("## One\nA\n\n## Two\nB\n", ":4: 2 cards (at lines 1, 4)"),
            ("## One\nA\n# Aside\nlost text\n", ":4: 'lost text' is outside the card"),
            ("## Taken {#q2}\nA\n", "the id 'q2' is already used in deck 'd' at "),
        ])
    func draftProblems(draft: String, message: String) throws {
        let fixture = try AddFixture()
        defer { fixture.remove() }
        let before = try fixture.cardsBytes()
        let source = try fixture.tmp.write("draft-source.md", draft)
        let editor = try editorScript(in: fixture.decks, "editor.sh", "cat '\(source.path)' > \"$2\"")
        let result = try fixture.run(["add", "d"], editor: editor)
        #expect(result.status == 1 && result.stderr.contains(message), "\(result.stderr)")
        let drafts = try fixture.drafts()
        #expect(drafts.count == 1 && result.stderr.contains("What you wrote is kept in \(fixture.tmp.path)/"))
        #expect(try fixture.tmp.read(drafts.first ?? "?") == draft)
        #expect(try fixture.cardsBytes() == before)
    }

    @Test(
        "bad arguments are refused before anything is written",
        arguments: [
            (["add", "zz", "--question", "Q", "--answer", "A"], 1, "no deck 'zz'"),
            (
                ["add", "d", "--question", "Q", "--answer", "A", "--file", "../escape.md"], 1,
                "outside the deck's folder"
            ),
            (["add", "d", "--question", "Q", "--answer", "A", "--file", "README.md"], 1, "is not a card file"),
            (["add", "d", "--question", "Q", "--answer", "A", "--file", "notes.txt"], 1, "is not a card file"),
            (["add", "d", "--question", "Q", "--answer", "A", "--file", ".hidden.md"], 1, "is hidden"),
            (["add", "d", "--question", "Q {#q1}", "--answer", "A"], 1, "the id 'q1' is already used in deck 'd' at"),
            (["add", "d", "--question", "Q", "--answer", "tags: x\nmore"], 1, "would not read back as written"),
            (["add", "d", "--question", "Q", "--answer", "A\n\n## Another\nB"], 1, "2 cards"),
            (["add", "d", "--question", "Q"], 2, "--question needs --answer"),
            (["add", "d", "--answer", "A"], 2, "--answer needs --question"),
            (["add", "d", "--question", "Two\nlines", "--answer", "A"], 2, "one line"),
            (["add", "d", "--question", " ", "--answer", "A"], 2, "--question is empty"),
            (["add"], 2, "deck"),
        ])
    func badArguments(arguments: [String], status: Int32, message: String) throws {
        let fixture = try AddFixture()
        defer { fixture.remove() }
        let before = try fixture.cardsBytes()
        let result = try fixture.run(arguments)
        #expect(result.status == status && result.stderr.contains(message), "\(result.stderr)")
        #expect(try fixture.cardsBytes() == before)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: fixture.decks.path + "/d").sorted() == [
                "cards.md", "deck.yaml",
            ])
    }

    @Test("--file picks (or creates) the deck's file; by default the card goes to the deck's last file")
    func choosingTheFile() throws {
        let fixture = try AddFixture()
        defer { fixture.remove() }
        try fixture.decks.write("d/z-later.md", "# Later\n\n## Later question {#later}\nLater answer.")
        #expect(try fixture.run(["import", fixture.decks.path + "/d"]).status == 0)
        let byDefault = try fixture.run(["add", "d", "--question", "Default", "--answer", "A", "--json"])
        #expect(byDefault.json["file"] as? String == fixture.decks.path + "/d/z-later.md", "\(byDefault.stderr)")
        #expect(try fixture.decks.read("d/z-later.md").hasSuffix("Later answer.\n\n## Default {#default}\n\nA\n"))
        let created = try fixture.run([
            "add", "d", "--question", "Nested", "--answer", "B", "--file", "more/new.md", "--json",
        ])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try fixture.decks.read("d/more/new.md") == "## Nested {#nested}\n\nB\n")
        #expect(try fixture.show("d/nested")["file"] as? String == fixture.decks.path + "/d/more/new.md")
        // A single-file deck takes the card in its one file; another --file is refused.
        try fixture.decks.write("solo.md", "---\ndeck: solo\n---\n## Solo {#solo}\nS.\n")
        #expect(try fixture.run(["import", fixture.decks.path + "/solo.md"]).status == 0)
        #expect(try fixture.run(["add", "solo", "--question", "Two", "--answer", "T"]).status == 0)
        #expect(try fixture.decks.read("solo.md").hasSuffix("S.\n\n## Two {#two}\n\nT\n"))
        let refused = try fixture.run(["add", "solo", "--question", "X", "--answer", "Y", "--file", "other.md"])
        #expect(refused.status == 1 && refused.stderr.contains("is the single file"), "\(refused.stderr)")
    }

    @Test("an id that belonged to a removed card is not reused by a new card")
    func removedIDsAreNotReused() throws {
        let fixture = try AddFixture()
        defer { fixture.remove() }
        try fixture.decks.write("d/cards.md", "## Old question {#old-question}\nOld.\n")
        #expect(try fixture.run(["import", fixture.decks.path + "/d"]).status == 0)
        try fixture.decks.write("d/cards.md", "## Question 1 {#q1}\nAnswer 1.\n")
        #expect(try fixture.run(["import", fixture.decks.path + "/d"]).status == 0)  // old-question removed
        let added = try fixture.run(["add", "d", "--question", "Old question", "--answer", "New.", "--json"])
        #expect(added.json["card"] as? String == "d/old-question-2", "\(added.stdout)\(added.stderr)")
    }
}

@Suite("recall add into a deck from a source")
struct AddSourceDeckTests {
    @Test("a card added to a source's deck is in the file and the notebook at once, and the next sync commits it")
    func addThenSync() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        let added = try RecallProcess.run(
            ["add", "d", "--question", "Question w", "--answer", "Answer w.", "--json"], home: pair.a)
        #expect(added.status == 0, "\(added.stderr)")
        #expect(added.json["card"] as? String == "d/question-w")
        #expect(try pair.read(pair.a).hasSuffix("Answer z.\n\n## Question w {#question-w}\n\nAnswer w.\n"))
        #expect(try pair.back(pair.a, "question-w") == "Answer w.")
        let synced = try pair.sync(pair.a)
        #expect(synced.firstSource["committed"] as? Int == 1 && synced.firstSource["pushed"] as? Int == 1)
        #expect(try pair.remoteFile().contains("## Question w {#question-w}"))
        try pair.sync(pair.b)
        #expect(try pair.back(pair.b, "question-w") == "Answer w.")
    }
}
