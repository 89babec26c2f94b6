import Foundation
import RecallTestSupport
import Testing

/// `recall review` driven through a real pseudo-terminal (tmux), and through a pipe.
@Suite("Review session", .serialized)
struct ReviewSessionTests {
    static let now = "2026-11-23T10:00:00Z"

    /// A home with three cards whose questions and answers are easy to spot on screen.
    func prepare() throws -> (home: TemporaryFolder, decks: TemporaryFolder) {
        let home = try TemporaryFolder("recall-home")
        let decks = try TemporaryFolder("recall-decks")
        try decks.write("d/deck.yaml", "deck: d\ntitle: Review test\n")
        try decks.write(
            "d/cards.md",
            """
            ## 第一题 first question {#one}
            FIRST-ANSWER 注意力

            ## second question {#two}
            SECOND-ANSWER

            ## third question {#three}
            THIRD-ANSWER
            """)
        let imported = try RecallProcess.run(["import", decks.path + "/d"], home: home.path, now: Self.now)
        #expect(imported.status == 0, "\(imported.stderr)")
        return (home, decks)
    }

    func start(_ home: TemporaryFolder, width: Int = 80, height: Int = 24, after: String = "sleep 600") throws
        -> TmuxSession
    {
        try TmuxSession(
            command:
                "'\(RecallProcess.executable.path)' review --home '\(home.path)'; echo REVIEW-EXIT=$?; stty -a | tr ' ' '\\n' | grep -x -e echo -e -echo; \(after)",
            width: width, height: height, environment: ["RECALL_NOW": Self.now, "TZ": "UTC", "TERM": "xterm-256color"])
    }

    func history(_ home: TemporaryFolder, _ card: String) throws -> [[String: Any]] {
        let show = try RecallProcess.run(["show", card, "--json"], home: home.path, now: Self.now)
        return show.json["history"] as? [[String: Any]] ?? []
    }

    @Test("question, Space reveals, a grade is logged and moves on, u brings it back, q restores the terminal")
    func fullSession() throws {
        let (home, decks) = try prepare()
        defer { home.remove(); decks.remove() }
        let tty = try start(home)
        var screen = try tty.waitFor("first question")
        #expect(screen.joined().contains("第一题 first question"))
        #expect(!screen.joined().contains("FIRST-ANSWER"))
        #expect(try tty.format("#{alternate_on}") == "1")

        try tty.send("Space")
        screen = try tty.waitFor("FIRST-ANSWER")
        #expect(screen.joined().contains("FIRST-ANSWER 注意力"))

        try tty.send("5")
        screen = try tty.waitFor("second question")
        #expect(try history(home, "d/one").count == 1)

        try tty.send("u")
        screen = try tty.waitFor("Undid grade")
        #expect(screen.joined().contains("first question"))
        #expect(try history(home, "d/one").isEmpty)

        try tty.send("Space")
        try tty.waitFor("FIRST-ANSWER")
        try tty.send("4")
        try tty.waitFor("second question")
        try tty.send("q")
        screen = try tty.waitFor("REVIEW-EXIT=")
        let text = screen.joined(separator: "\n")
        #expect(text.contains("REVIEW-EXIT=0"))
        #expect(text.contains("Reviewed 1 card"))
        #expect(try tty.format("#{alternate_on}") == "0")
        try tty.waitFor("echo")
        #expect(try tty.screen().contains("echo"), "echo must be back on after q")
        #expect(try history(home, "d/one").map { $0["grade"] as? Int } == [4])
    }

    @Test("SIGTERM during the review: the handler restores the terminal, and the signal ends recall")
    func terminatedBySignal() throws {
        let (home, decks) = try prepare()
        defer { home.remove(); decks.remove() }
        let tty = try start(home)
        try tty.waitFor("first question")
        #expect(try tty.format("#{alternate_on}") == "1")
        // The pane runs sh, whose one child is recall.
        let shell = try tty.format("#{pane_pid}")
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        let recall = try #require(children.split(separator: " ").first.flatMap { pid_t($0) })
        kill(recall, SIGTERM)
        let screen = try tty.waitFor("REVIEW-EXIT=")
        #expect(screen.joined(separator: "\n").contains("REVIEW-EXIT=\(128 + SIGTERM)"))
        #expect(try tty.format("#{alternate_on}") == "0")
        try tty.waitFor("echo")
        #expect(try tty.screen().contains("echo"), "echo must be back on after SIGTERM")
        #expect(try history(home, "d/one").isEmpty)
    }

    @Test("a grade below 4 brings the card back as a re-drill in the same session")
    func redrill() throws {
        let (home, decks) = try prepare()
        defer { home.remove(); decks.remove() }
        let tty = try start(home)
        try tty.waitFor("first question")
        try tty.send("Space")
        try tty.waitFor("FIRST-ANSWER")
        try tty.send("2")
        for card in ["second", "third"] {
            try tty.waitFor("\(card) question")
            try tty.send("Space")
            try tty.waitFor("ANSWER")
            try tty.send("5")
        }
        let screen = try tty.waitFor("4/4 · re-drill")
        #expect(screen.joined().contains("first question"))
        try tty.send("Space")
        try tty.waitFor("FIRST-ANSWER")
        try tty.send("4")
        try tty.waitFor("REVIEW-EXIT=0")
        let kinds = try history(home, "d/one").compactMap { $0["kind"] as? String }
        #expect(kinds == ["review", "drill"])
    }

    @Test("a SIGKILL mid-session loses no committed grade")
    func killed() throws {
        let (home, decks) = try prepare()
        defer { home.remove(); decks.remove() }
        let tty = try start(home)
        try tty.waitFor("first question")
        try tty.send("Space")
        try tty.waitFor("FIRST-ANSWER")
        try tty.send("3")
        try tty.waitFor("second question")
        try tty.send("Space")
        try tty.waitFor("SECOND-ANSWER")
        try tty.send("5")
        try tty.waitFor("third question")
        let shell = try tty.format("#{pane_pid}")
        let pids = try Shell.run("pgrep", ["-P", shell, "-f", "recall"]).split(separator: "\n")
        #expect(!pids.isEmpty)
        for pid in pids { kill(pid_t(String(pid)) ?? 0, SIGKILL) }
        try tty.waitFor("REVIEW-EXIT=137")
        #expect(try history(home, "d/one").map { $0["grade"] as? Int } == [3])
        #expect(try history(home, "d/two").map { $0["grade"] as? Int } == [5])
        let doctor = try RecallProcess.run(["doctor", "--json"], home: home.path, now: Self.now)
        #expect(doctor.status == 0)
    }

    @Test("resizing the terminal re-lays out the screen within the new width")
    func resize() throws {
        let (home, decks) = try prepare()
        defer { home.remove(); decks.remove() }
        let tty = try start(home, width: 90, height: 20)
        try tty.waitFor("first question")
        try tty.send("Space")
        try tty.waitFor("FIRST-ANSWER")
        try tty.resize(width: 40, height: 16)
        // tmux cuts the old 90-column frame at 40 columns at once, which drops the header's right
        // part ("re-drill 0") and the legend's end ("perfect"); both are back only when recall has
        // drawn a whole new frame for 40 columns.
        let screen = try tty.waitUntil("the screen is laid out for 40 columns") {
            let text = $0.joined(separator: "\n")
            return text.contains("re-drill") && text.contains("perfect") && text.contains("FIRST-ANSWER")
        }
        // The header's rule spans exactly the new width; nothing is wider.
        #expect(screen.contains(String(repeating: "─", count: 40)), "\(screen)")
        #expect(screen.allSatisfy { $0.count <= 40 })
        #expect(screen.joined().contains("FIRST-ANSWER"))
        try tty.send("q")
        try tty.waitFor("REVIEW-EXIT=0")
    }

    @Test("line mode: a pipe drives the session")
    func lineMode() throws {
        let (home, decks) = try prepare()
        defer { home.remove(); decks.remove() }
        // Reveal + grade for three cards; the first gets 2 and comes back as a re-drill graded 5.
        let result = try RecallProcess.run(["review"], home: home.path, now: Self.now, stdin: "\n2\n\n5\n\nx\n4\n\n5\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Q: 第一题 first question"))
        #expect(result.stdout.contains("FIRST-ANSWER 注意力"))
        #expect(result.stdout.contains("'x' is not a grade"))
        #expect(result.stdout.contains("Reviewed 3 cards (4 grades, 1 re-drill)"))
        #expect(!result.stdout.contains("\u{1B}["))
        #expect(try history(home, "d/one").compactMap { $0["grade"] as? Int } == [2, 5])
        #expect(try history(home, "d/three").compactMap { $0["grade"] as? Int } == [4])
    }
}

@Suite("Review session: editing a card", .serialized)
struct ReviewEditTests {
    @Test("e opens the card's file at its line in $EDITOR and the edit shows on return")
    func editCard() throws {
        let home = try TemporaryFolder("recall-home")
        let decks = try TemporaryFolder("recall-decks")
        defer { home.remove(); decks.remove() }
        try decks.write("d/deck.yaml", "deck: d\n")
        try decks.write("d/cards.md", "# Title\n\n## only question {#one}\nOLD-ANSWER\n")
        #expect(try RecallProcess.run(["import", decks.path + "/d"], home: home.path).status == 0)
        // The "editor" records its arguments and rewrites the answer.
        let log = decks.url.appendingPathComponent("editor.log").path
        let editor = try decks.write(
            "editor.sh", "#!/bin/sh\necho \"$@\" > '\(log)'\nsed -i 's/OLD-ANSWER/NEW-ANSWER/' \"$2\"\n")
        chmod(editor.path, 0o755)
        let tty = try TmuxSession(
            command: "'\(RecallProcess.executable.path)' review --home '\(home.path)'; echo REVIEW-EXIT=$?; sleep 600",
            width: 80, height: 20,
            environment: [
                "RECALL_NOW": "2026-11-23T10:00:00Z", "TZ": "UTC", "TERM": "xterm-256color", "EDITOR": editor.path,
            ])
        try tty.waitFor("only question")
        try tty.send("e")
        // Under load the editor can take a while; wait for its result before the next key.
        #expect(try tty.waitFor("Card updated").joined().contains("Card updated"))
        try tty.send("Space")
        let screen = try tty.waitFor("NEW-ANSWER")
        #expect(screen.joined().contains("NEW-ANSWER"))
        #expect(try String(contentsOfFile: log, encoding: .utf8).hasPrefix("+3 "))
        try tty.send("q")
        try tty.waitFor("REVIEW-EXIT=0")
    }
}
