import Foundation
import RecallTestSupport
import Testing

@Suite("recall edit")
struct EditCommandTests {
    @Test("the editor gets +LINE and the card's file; the edit is imported with the card's history kept")
    func editKeepsHistory() throws {
        let fixture = try AddFixture()
        defer { fixture.remove() }
        #expect(try fixture.run(["answer", "d/q2", "4"]).status == 0)
        let log = fixture.tmp.url.appendingPathComponent("editor.log").path
        let editor = try editorScript(
            in: fixture.decks, "editor.sh",
            """
            echo "$@" > '\(log)'
            sed -i -e 's/^Answer 2\\.$/Answer two, edited./' -e 's/^## Question 2 /## Question two, reworded /' "$2"
            """)
        let edited = try fixture.run(["edit", "q2", "--json"], editor: editor)
        #expect(edited.status == 0, "\(edited.stderr)")
        #expect(edited.json["card"] as? String == "d/q2" && edited.json["changed"] as? Bool == true)
        #expect(edited.json["removed"] as? Bool == false && edited.json["line"] as? Int == 4)
        #expect(try String(contentsOfFile: log, encoding: .utf8) == "+4 \(fixture.cardsFile.path)\n")
        let show = try fixture.show("d/q2")
        #expect(
            show["front"] as? String == "Question two, reworded" && show["back"] as? String == "Answer two, edited.")
        #expect((show["history"] as? [[String: Any]])?.compactMap { $0["grade"] as? Int } == [4])
        #expect((show["state"] as? [String: Any])?["interval"] as? Int == 1)
        // Saving without a change says so.
        let unchanged = try fixture.run(
            ["edit", "d/q2"], editor: try editorScript(in: fixture.decks, "noop.sh", "exit 0"))
        #expect(unchanged.status == 0 && unchanged.stdout == "d/q2: no change\n", "\(unchanged.stderr)")
    }

    @Test("an editor that exits 1 or is missing: a clear error, nothing imported, the file left to the editor")
    func editorFailures() throws {
        let fixture = try AddFixture()
        defer { fixture.remove() }
        let before = try fixture.cardsBytes()
        let missing = try fixture.run(["edit", "q1"], editor: "/nonexistent/editor")
        #expect(missing.status == 1 && missing.stderr.contains("could not be found or run"), "\(missing.stderr)")
        #expect(try fixture.cardsBytes() == before)
        let quits = try editorScript(in: fixture.decks, "quits.sh", "exit 1")
        let failed = try fixture.run(["edit", "q1"], editor: quits)
        #expect(failed.status == 1 && failed.stderr.contains("exited with status 1; the card was not read again"))
        #expect(try fixture.cardsBytes() == before)
        // A change the editor saved before failing is not imported.
        let savesThenFails = try editorScript(
            in: fixture.decks, "saves.sh", "sed -i 's/^Answer 1\\.$/Saved by a failing editor./' \"$2\"\nexit 3")
        let saved = try fixture.run(["edit", "q1"], editor: savesThenFails)
        #expect(saved.status == 1 && saved.stderr.contains("exited with status 3"), "\(saved.stderr)")
        #expect(try fixture.show("d/q1")["back"] as? String == "Answer 1.")
    }

    @Test(
        "an unknown or ambiguous card is refused before the editor opens",
        arguments: [
            (["edit", "zz"], 1, "no live card has the id 'zz'"),
            (["edit", "d/zz"], 1, "d/zz"),
            (["edit", "q1"], 1, "'q1' names 2 cards (d/q1, e/q1); write it as deck/id"),
            (["edit", "Bad Id"], 2, "Bad Id"),
            (["edit"], 2, "card"),
        ])
    func badReferences(arguments: [String], status: Int32, message: String) throws {
        let fixture = try AddFixture()
        defer { fixture.remove() }
        try fixture.decks.write("e/deck.yaml", "deck: e\n")
        try fixture.decks.write("e/cards.md", "## Question {#q1}\nAnswer.\n")
        #expect(try fixture.run(["import", fixture.decks.path + "/e"]).status == 0)
        let marker = fixture.tmp.url.appendingPathComponent("editor-ran").path
        let editor = try editorScript(in: fixture.decks, "editor.sh", "touch '\(marker)'")
        let result = try fixture.run(arguments, editor: editor)
        #expect(result.status == status && result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: marker))
    }

    @Test("a file edited into something that does not parse: file:line reported, the card kept as it was")
    func brokenEdit() throws {
        let fixture = try AddFixture()
        defer { fixture.remove() }
        let editor = try editorScript(
            in: fixture.decks, "editor.sh",
            "sed -i -e 's/^Answer 2\\.$//' -e 's/^Answer 3\\.$/Answer three./' \"$2\"")
        let result = try fixture.run(["edit", "d/q2"], editor: editor)
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stderr.contains("d/cards.md:4: card 'q2' 'Question 2' has an empty answer"), "\(result.stderr)")
        let show = try fixture.show("d/q2")
        #expect(show["back"] as? String == "Answer 2." && show["removed"] as? Bool == false)
        // The other cards of the deck are imported, as `recall import` does.
        #expect(try fixture.show("d/q3")["back"] as? String == "Answer three.")
        let json = try fixture.run(
            ["edit", "d/q2", "--json"], editor: try editorScript(in: fixture.decks, "noop.sh", "exit 0"))
        #expect(json.status == 1 && (json.json["errors"] as? [[String: Any]])?.first?["line"] as? Int == 4)
    }
}
