import Foundation
import RecallTestSupport
import Testing

/// The review screen in a real terminal (tmux) where a learner meets it: a terminal editor behind
/// `e` and `o`, Ctrl-Z and `fg`, the counter after `u`, and terminals too small for the layout.
@Suite("Review screen: editor, suspend, undo counter, tiny terminals", .serialized)
struct ReviewScreenTests {
    static let now = "2026-11-23T10:00:00Z"
    static let exerciseFolder = RecallProcess.repositoryRoot.appendingPathComponent("Decks/coding/remove-nth-from-end")

    struct Fixture {
        let home: TemporaryFolder
        let decks: TemporaryFolder

        func remove() {
            home.remove()
            decks.remove()
        }

        var cardsFile: String { decks.url.appendingPathComponent("d/cards.md").path }

        /// An executable script in the decks folder (outside any deck).
        func script(_ name: String, _ body: String) throws -> String {
            let file = try decks.write(name, "#!/bin/sh\n" + body + "\n")
            chmod(file.path, 0o755)
            return file.path
        }
    }

    /// Three cards in deck `d`; with `exercise`, the removeNthFromEnd exercise in deck `coding` too.
    func prepare(exercise: Bool = false) throws -> Fixture {
        let fixture = Fixture(home: try TemporaryFolder("recall-home"), decks: try TemporaryFolder("recall-decks"))
        try fixture.decks.write("d/deck.yaml", "deck: d\n")
        try fixture.decks.write(
            "d/cards.md",
            "## first question {#one}\nFIRST-ANSWER\n\n## second question {#two}\nSECOND-ANSWER\n\n## third question {#three}\nTHIRD-ANSWER\n"
        )
        var folders = [fixture.decks.path + "/d"]
        if exercise {
            try fixture.decks.write("coding/deck.yaml", "deck: coding\n")
            try FileManager.default.copyItem(
                at: Self.exerciseFolder, to: fixture.decks.url.appendingPathComponent("coding/remove-nth-from-end"))
            folders = [fixture.decks.path + "/coding"]
        }
        let imported = try RecallProcess.run(["import"] + folders, home: fixture.home.path, now: Self.now)
        #expect(imported.status == 0, "\(imported.stderr)")
        return fixture
    }

    func environment(editor: String = "vi") -> [String: String] {
        ["RECALL_NOW": Self.now, "TZ": "UTC", "TERM": "xterm-256color", "EDITOR": editor, "VISUAL": ""]
    }

    func review(_ fixture: Fixture, editor: String = "vi", width: Int = 80, height: Int = 24) throws -> TmuxSession {
        try TmuxSession(
            command:
                "'\(RecallProcess.executable.path)' review --home '\(fixture.home.path)'; echo REVIEW-EXIT=$?; sleep 600",
            width: width, height: height, environment: environment(editor: editor))
    }

    /// An editor that needs the terminal: it reads a line from /dev/tty, which blocks for good in
    /// raw mode (Enter sends CR, no newline ends the read) and stops it with SIGTTIN outside the
    /// terminal's foreground group. `then` uses the line on the file it is given (+LINE FILE).
    func terminalEditor(_ fixture: Fixture, then: String = "echo \"$line\" >> \"$2\"") throws -> String {
        try fixture.script("tty-editor.sh", "echo EDITOR-WAITING-FOR-A-LINE\nread line < /dev/tty\n" + then)
    }

    @Test("e: an editor reading the terminal gets it (no alternate screen, line mode) and the edit shows")
    func editWithTerminalEditor() throws {
        let fixture = try prepare()
        defer { fixture.remove() }
        let editor = try terminalEditor(fixture, then: "sed -i \"s/FIRST-ANSWER/FIRST-ANSWER $line/\" \"$2\"")
        let tty = try review(fixture, editor: editor)
        try tty.waitFor("first question")
        try tty.send("e")
        try tty.waitFor("EDITOR-WAITING-FOR-A-LINE")
        #expect(try tty.format("#{alternate_on}") == "0", "the screen is left while the editor runs")
        try tty.send("-l", "TYPED-IN-THE-EDITOR")
        try tty.send("Enter")
        try tty.waitFor("Card updated")
        #expect(try tty.format("#{alternate_on}") == "1", "the screen is back after the editor")
        try tty.send("Space")
        try tty.waitFor("FIRST-ANSWER TYPED-IN-THE-EDITOR")
        try tty.send("q")
        try tty.waitFor("REVIEW-EXIT=0")
    }

    @Test("o: an editor reading the terminal gets it, and the solution file holds what was typed")
    func openWithTerminalEditor() throws {
        let fixture = try prepare(exercise: true)
        defer { fixture.remove() }
        let tty = try review(fixture, editor: try terminalEditor(fixture), width: 100, height: 40)
        try tty.waitFor("Remove Nth Node")
        try tty.send("o")
        try tty.waitFor("EDITOR-WAITING-FOR-A-LINE")
        try tty.send("-l", "# TYPED-IN-THE-EDITOR")
        try tty.send("Enter")
        try tty.waitFor("Press r to check")
        let solution = fixture.home.url.appendingPathComponent("work/remove-nth-from-end.py").path
        #expect(try String(contentsOfFile: solution, encoding: .utf8).hasSuffix("# TYPED-IN-THE-EDITOR\n"))
        try tty.send("q")
        try tty.waitFor("REVIEW-EXIT=0")
    }

    @Test(
        "e: a missing editor or one exiting non-zero is reported as a failure, not as no change",
        arguments: ["missing", "failing"])
    func editorFailure(kind: String) throws {
        let fixture = try prepare()
        defer { fixture.remove() }
        let before = try String(contentsOfFile: fixture.cardsFile, encoding: .utf8)
        let editor =
            kind == "missing"
            ? fixture.decks.url.appendingPathComponent("no-such-editor").path
            : try fixture.script("failing-editor.sh", "echo CHANGED >> \"$2\"\nexit 3")
        let tty = try review(fixture, editor: editor)
        try tty.waitFor("first question")
        try tty.send("e")
        let expected = kind == "missing" ? "could not be found" : "exited with status 3"
        let screen = try tty.waitFor(expected).joined(separator: "\n")
        #expect(screen.contains("the notebook is unchanged"), "\(screen)")
        #expect(!screen.contains("No change."), "\(screen)")
        #expect(try tty.format("#{alternate_on}") == "1")
        // The failing editor's write is not imported: the card on screen is the one before.
        try tty.send("Space")
        try tty.waitFor("FIRST-ANSWER")
        try tty.send("q")
        try tty.waitFor("REVIEW-EXIT=0")
        if kind == "missing" { #expect(try String(contentsOfFile: fixture.cardsFile, encoding: .utf8) == before) }
    }

    @Test("o: a missing editor is reported as a failure, and r is not offered a saved file")
    func openWithMissingEditor() throws {
        let fixture = try prepare(exercise: true)
        defer { fixture.remove() }
        let tty = try review(
            fixture, editor: fixture.decks.url.appendingPathComponent("no-such-editor").path, width: 100, height: 40)
        try tty.waitFor("Remove Nth Node")
        try tty.send("o")
        let screen = try tty.waitFor("could not be found").joined(separator: "\n")
        #expect(!screen.contains("Press r to check"), "\(screen)")
        try tty.send("q")
        try tty.waitFor("REVIEW-EXIT=0")
    }

    @Test("Ctrl-Z stops the review and gives the shell the terminal; fg brings the screen back, keys work")
    func suspendAndResume() throws {
        let fixture = try prepare()
        defer { fixture.remove() }
        // An interactive bash: job control (Ctrl-Z, jobs, fg) needs a shell that does it.
        var variables = environment()
        variables["PS1"] = "SHELL-PROMPT$ "
        // Short names, so the job's command line fits one row of `jobs`.
        variables["R"] = RecallProcess.executable.path
        variables["H"] = fixture.home.path
        let tty = try TmuxSession(
            command: "exec bash --norc --noprofile -i", width: 80, height: 24, environment: variables)
        try tty.waitFor("SHELL-PROMPT$")
        try tty.send("-l", "\"$R\" review --home \"$H\"")
        try tty.send("Enter")
        try tty.waitFor("first question")
        #expect(try tty.format("#{alternate_on}") == "1")

        try tty.send("C-z")
        try tty.waitFor("Stopped")
        #expect(try tty.format("#{alternate_on}") == "0", "the shell gets its own screen back")
        // The shell's line editing works, and it sees the review as a stopped job.
        try tty.send("-l", "jobs; echo JOBS-LISTED")
        try tty.send("Enter")
        let jobs = try tty.waitUntil("jobs lists the review") { lines in
            lines.contains { $0.contains("Stopped") && $0.contains("review") } && lines.contains("JOBS-LISTED")
        }
        #expect(jobs.contains { $0.hasPrefix("[1]+") }, "\(jobs)")

        try tty.send("-l", "fg")
        try tty.send("Enter")
        try tty.waitUntil("the card is drawn again") { lines in
            lines.joined().contains("first question") && !lines.joined().contains("JOBS-LISTED")
        }
        #expect(try tty.format("#{alternate_on}") == "1")
        // Single keys reach the screen again (raw mode is back): Space reveals, 5 grades.
        try tty.send("Space")
        try tty.waitFor("FIRST-ANSWER")
        try tty.send("5")
        try tty.waitFor("second question")
        try tty.send("q")
        try tty.waitFor("Reviewed 1 card")
        try tty.send("-l", "echo REVIEW-EXIT=$?")
        try tty.send("Enter")
        try tty.waitFor("REVIEW-EXIT=0")
    }

    @Test("u puts the counter back where it was before the grade")
    func undoCounter() throws {
        let fixture = try prepare()
        defer { fixture.remove() }
        let tty = try review(fixture)
        try tty.waitFor("d · 1/3")
        try tty.send("Space")
        try tty.waitFor("FIRST-ANSWER")
        try tty.send("5")
        try tty.waitFor("d · 2/3")
        try tty.send("u")
        let screen = try tty.waitFor("Undid grade")
        #expect(screen.first?.contains("d · 1/3") == true, "\(screen)")
        // Graded again, the session goes on as if the first grade had not been given.
        try tty.send("Space")
        try tty.waitFor("FIRST-ANSWER")
        try tty.send("4")
        #expect(try tty.waitFor("second question").first?.contains("d · 2/3") == true)
        try tty.send("q")
        let end = try tty.waitFor("REVIEW-EXIT=0").joined(separator: "\n")
        #expect(end.contains("Reviewed 1 card (1 grades"), "\(end)")
    }

    @Test("a terminal below the minimum says it is too small, and the card comes back when it grows")
    func tinyTerminal() throws {
        let fixture = try prepare()
        defer { fixture.remove() }
        let tty = try review(fixture, width: 12, height: 5)
        var screen = try tty.waitFor("Too small")
        #expect(screen.allSatisfy { $0.count <= 12 }, "\(screen)")
        #expect(!screen.joined().contains("first"), "\(screen)")
        // Keys other than q wait: a grade cannot be given blind. Whenever they are read, a frame
        // for a small terminal came before them (12×5, or the 14×6 drawn after they were typed).
        try tty.send("Space")
        try tty.send("5")
        try tty.resize(width: 14, height: 6)
        try tty.waitFor("14×6")
        try tty.resize(width: 80, height: 24)
        screen = try tty.waitFor("first question")
        #expect(!screen.joined().contains("FIRST-ANSWER"), "\(screen)")
        try tty.resize(width: 30, height: 8)
        screen = try tty.waitFor("Too small")
        #expect(screen.joined(separator: " ").contains("needs 30×10"), "\(screen)")
        try tty.resize(width: 60, height: 20)
        try tty.waitFor("first question")
        try tty.send("Space")
        try tty.waitFor("FIRST-ANSWER")
        try tty.send("q")
        try tty.waitFor("REVIEW-EXIT=0")
        let history = try RecallProcess.run(["show", "d/one", "--json"], home: fixture.home.path, now: Self.now)
        #expect((history.json["history"] as? [Any])?.isEmpty == true)
    }
}
