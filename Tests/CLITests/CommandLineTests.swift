import Foundation
import RecallTestSupport
import Testing

/// A home with a tiny deck imported, for command-line tests.
func homeWithDeck(cards: Int = 3) throws -> (home: TemporaryFolder, decks: TemporaryFolder) {
    let home = try TemporaryFolder("recall-home")
    let decks = try TemporaryFolder("recall-decks")
    try decks.write("d/deck.yaml", "deck: d\ntitle: Test deck\n")
    try decks.write(
        "d/cards.md", (1...cards).map { "## Question \($0) {#q\($0)}\nAnswer \($0).\n" }.joined(separator: "\n"))
    let result = try RecallProcess.run(["import", decks.path + "/d"], home: home.path)
    #expect(result.status == 0, "\(result.stderr)")
    return (home, decks)
}

@Suite("Command line")
struct CommandLineTests {
    @Test("walking one card through months with RECALL_NOW gives the predicted intervals")
    func walkThroughMonths() throws {
        let (home, decks) = try homeWithDeck(cards: 1)
        defer { home.remove(); decks.remove() }
        // Grades 5,5,5,5,5 on each due day: intervals 1, 6, 17, 50, 150 (EF 2.6 … 3.0).
        var day = "2026-01-05"
        var dues: [String] = []
        var intervals: [Int] = []
        for _ in 0..<5 {
            let due = try RecallProcess.run(["due", "--json"], home: home.path, now: day + "T09:00:00Z")
            let cards = due.json["cards"] as? [[String: Any]] ?? []
            #expect(cards.first?["card"] as? String == "d/q1", "not due on \(day)")
            let answer = try RecallProcess.run(
                ["answer", "d/q1", "5", "--json"], home: home.path, now: day + "T09:00:00Z")
            #expect(answer.status == 0, "\(answer.stderr)")
            intervals.append(answer.json["interval"] as? Int ?? -1)
            day = answer.json["due"] as? String ?? ""
            dues.append(day)
        }
        #expect(intervals == [1, 6, 17, 50, 150])
        #expect(dues == ["2026-01-06", "2026-01-12", "2026-01-29", "2026-03-20", "2026-08-17"])
        let show = try RecallProcess.run(["show", "d/q1", "--json"], home: home.path, now: day + "T09:00:00Z")
        let state = show.json["state"] as? [String: Any]
        #expect(state?["ef"] as? Double == 3.0)
        #expect((show.json["history"] as? [Any])?.count == 5)
    }

    @Test("JSON documents have the contract's keys")
    func jsonKeys() throws {
        let (home, decks) = try homeWithDeck()
        defer { home.remove(); decks.remove() }
        let imported = try RecallProcess.run(["import", decks.path + "/d", "--json"], home: home.path)
        for key in ["added", "updated", "unchanged", "removed", "restored", "errors"] {
            #expect(imported.json[key] != nil, "import.\(key)")
        }
        let listed = try RecallProcess.run(["decks", "--json"], home: home.path)
        let deck = (listed.json["decks"] as? [[String: Any]])?.first ?? [:]
        for key in ["deck", "title", "total", "new", "due"] { #expect(deck[key] != nil, "decks.\(key)") }
        let due = try RecallProcess.run(["due", "--json"], home: home.path)
        #expect(due.json["day"] as? String == "2026-11-23")
        let entry = (due.json["cards"] as? [[String: Any]])?.first ?? [:]
        #expect(entry["card"] as? String == "d/q1")
        #expect(entry["queue"] as? String == "new")
        #expect(entry["due"] as? String == "2026-11-23")
        let answer = try RecallProcess.run(["answer", "d/q1", "4", "--json"], home: home.path)
        for key in ["card", "grade", "kind", "ef", "repetitions", "interval", "lapses", "due"] {
            #expect(answer.json[key] != nil, "answer.\(key)")
        }
        let show = try RecallProcess.run(["show", "d/q2", "--json"], home: home.path)
        for key in ["card", "deck", "kind", "front", "back", "tags", "history"] {
            #expect(show.json[key] != nil, "show.\(key)")
        }
        #expect(show.json["state"] is NSNull)
        let search = try RecallProcess.run(["search", "Question", "--json"], home: home.path)
        #expect((search.json["cards"] as? [[String: Any]])?.count == 3)
    }

    @Test(
        "bad input: a clear message on stderr and the right exit code",
        arguments: [
            (["answer", "d/nope", "3"], 1, "unknown card 'd/nope'"),
            (["show", "d/missing"], 1, "unknown card 'd/missing'"),
            // A bare id is resolved: unknown is exit 1 naming it (not a usage error).
            (["answer", "nope", "3"], 1, "no live card has the id 'nope'"),
            (["show", "missing"], 1, "no live card has the id 'missing'"),
            (["import", "/no/such/deck"], 1, "/no/such/deck: no such file or folder"),
            (["answer"], 2, "Missing expected argument"),
            (["decks", "--frobnicate"], 2, "Unknown option '--frobnicate'"),
            (["undo"], 1, "nothing to undo"),
        ])
    func badInput(arguments: [String], status: Int32, message: String) throws {
        let (home, decks) = try homeWithDeck()
        defer { home.remove(); decks.remove() }
        let result = try RecallProcess.run(arguments, home: home.path)
        #expect(result.status == status, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }

    @Test(
        "a malformed card, grade or language is a usage error (exit 2) naming the argument and its form",
        arguments: [
            (["answer", "Nope", "3"], "The value 'Nope' is invalid for '<card>'", "as deck/id"),
            (["answer", "d/Q1", "3"], "The value 'd/Q1' is invalid for '<card>'", "as deck/id"),
            (["answer", "d/q1", "6"], "The value '6' is invalid for '<grade>'", "from 0 (blackout) to 5"),
            (["answer", "d/q1", "10"], "The value '10' is invalid for '<grade>'", "from 0 (blackout) to 5"),
            (["answer", "d/q1", "five"], "The value 'five' is invalid for '<grade>'", "from 0 (blackout) to 5"),
            (["show", "Q 1"], "The value 'Q 1' is invalid for '<card>'", "as deck/id"),
            (["conflicts", "resolve", "d/", "--ours"], "The value 'd/' is invalid for '<card>'", "deck/id"),
            (["exercise", "Bad_Id"], "The value 'Bad_Id' is invalid for '<exercise>'", "deck/id"),
            (["exercise", "d/q1", "--lang", "ruby"], "The value 'ruby' is invalid for '--lang <lang>'", "'python'"),
            (
                ["check", "d/q1", "x.py", "--lang", "cobol"], "The value 'cobol' is invalid for '--lang <lang>'",
                "'cpp'"
            ),
        ])
    func malformedArgument(arguments: [String], message: String, hint: String) throws {
        let (home, decks) = try homeWithDeck()
        defer { home.remove(); decks.remove() }
        let before = try RecallProcess.run(["show", "d/q1", "--json"], home: home.path)
        // `--home` last: `run` would put it after the first word, before a subcommand like `resolve`.
        let result = try RecallProcess.run(arguments + ["--home", home.path], home: nil)
        #expect(result.status == 2, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(hint), "\(arguments): \(result.stderr)")
        #expect(result.stdout.isEmpty, "\(arguments): \(result.stdout)")
        // Nothing was logged: the card's history is as before.
        #expect(try RecallProcess.run(["show", "d/q1", "--json"], home: home.path).stdout == before.stdout)
    }

    @Test("answering a card that is not due is refused unless --early")
    func notDue() throws {
        let (home, decks) = try homeWithDeck()
        defer { home.remove(); decks.remove() }
        #expect(try RecallProcess.run(["answer", "d/q1", "5"], home: home.path).status == 0)
        let refused = try RecallProcess.run(["answer", "d/q1", "5"], home: home.path, now: "2026-11-23T18:00:00Z")
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("not due until 2026-11-24"))
        let early = try RecallProcess.run(
            ["answer", "d/q1", "5", "--early", "--json"], home: home.path, now: "2026-11-23T18:00:00Z")
        #expect(early.status == 0)
    }

    @Test(
        "a malformed RECALL_NOW or TZ is refused with a clear message",
        arguments: ["yesterday", "2026-13-45T00:00:00Z"])
    func badClock(value: String) throws {
        let (home, decks) = try homeWithDeck()
        defer { home.remove(); decks.remove() }
        let result = try RecallProcess.run(["due"], home: home.path, now: value)
        #expect(result.status == 1)
        #expect(result.stderr.contains("RECALL_NOW='\(value)' is not an ISO-8601 time"))
        let zone = try RecallProcess.run(["due"], home: home.path, environment: ["TZ": "Mars/Olympus"])
        #expect(zone.status == 1)
        #expect(zone.stderr.contains("TZ='Mars/Olympus' is not valid"))
    }

    @Test("a file that is not a SQLite database is refused and left untouched")
    func notADatabase() throws {
        let home = try TemporaryFolder("recall-home")
        defer { home.remove() }
        let junk = String(repeating: "not sqlite at all\n", count: 300)
        try home.write("notebook.sqlite", junk)
        let result = try RecallProcess.run(["due"], home: home.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not a Recall notebook"))
        #expect(try home.read("notebook.sqlite") == junk)
    }

    @Test("a notebook from a newer schema is refused and not modified")
    func newerSchema() throws {
        let (home, decks) = try homeWithDeck()
        defer { home.remove(); decks.remove() }
        let db = home.url.appendingPathComponent("notebook.sqlite").path
        try Shell.run(
            "sqlite3",
            [db, "INSERT INTO grdb_migrations VALUES ('v9-from-the-future'); PRAGMA wal_checkpoint(TRUNCATE);"])
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let result = try RecallProcess.run(["answer", "d/q1", "5"], home: home.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("written by a newer Recall"))
        #expect(result.stderr.contains("v9-from-the-future"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test("a notebook locked by another process: a short wait, then a clear message")
    func locked() throws {
        let (home, decks) = try homeWithDeck()
        defer { home.remove(); decks.remove() }
        let db = home.url.appendingPathComponent("notebook.sqlite").path
        // Another process holds the write lock until this test closes its input: however slow the
        // machine, recall's busy timeout runs out while the lock is still held.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/bin/sh")
        holder.arguments = ["-c", "(echo 'BEGIN IMMEDIATE;'; cat; echo 'COMMIT;') | sqlite3 '\(db)'"]
        let input = Pipe()
        holder.standardInput = input
        try holder.run()
        defer {
            try? input.fileHandleForWriting.close()
            holder.waitUntilExit()
        }
        // Locked once a write transaction of our own cannot start at once.
        let locked = try Patience.poll {
            try Shell.run("sqlite3", ["-cmd", ".timeout 0", db, "BEGIN IMMEDIATE; ROLLBACK;"], stderr: true)
                .contains("locked")
        }
        try #require(locked, "the holder never took the write lock")
        let result = try RecallProcess.run(["answer", "d/q1", "5"], home: home.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("locked by another Recall process"), "\(result.stderr)")
    }
}

/// Runs a helper command in tests (fixtures only: the product never shells out for its work).
enum Shell {
    /// Runs `command` and returns its stdout (and its stderr too when `stderr` is true).
    @discardableResult
    static func run(_ command: String, _ arguments: [String], stderr: Bool = false) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        let out = Pipe()
        process.standardOutput = out
        if stderr { process.standardError = out }
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
