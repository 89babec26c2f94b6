import Foundation
import RecallTestSupport
import Testing

@Suite("Exercises in the review session and on the command line", .serialized)
struct ExerciseReviewTests {
    static let now = "2026-11-23T10:00:00Z"
    static let exerciseFolder = RecallProcess.repositoryRoot.appendingPathComponent("Decks/coding/remove-nth-from-end")

    /// A home holding only the removeNthFromEnd exercise, as a one-exercise deck.
    func prepare() throws -> (home: TemporaryFolder, decks: TemporaryFolder) {
        let home = try TemporaryFolder("recall-home")
        let decks = try TemporaryFolder("recall-decks")
        try decks.write("coding/deck.yaml", "deck: coding\ntitle: Coding\n")
        try FileManager.default.copyItem(
            at: Self.exerciseFolder, to: decks.url.appendingPathComponent("coding/remove-nth-from-end"))
        let imported = try RecallProcess.run(["import", decks.path + "/coding"], home: home.path, now: Self.now)
        #expect(imported.status == 0, "\(imported.stderr)")
        return (home, decks)
    }

    /// `recall review` in a terminal, with an "editor" that writes the reference solution into the
    /// file it is given (+LINE FILE).
    func startReview(
        _ home: TemporaryFolder, _ decks: TemporaryFolder, width: Int, environment extra: [String: String] = [:]
    ) throws -> TmuxSession {
        let editor = try decks.write(
            "editor.sh", "#!/bin/sh\ncp '\(Self.exerciseFolder.path)/solution.py' \"$2\"\n")
        chmod(editor.path, 0o755)
        let environment = [
            "RECALL_NOW": Self.now, "TZ": "UTC", "TERM": "xterm-256color", "EDITOR": editor.path,
            "RECALL_WALL_CLOCK_FACTOR": "\(Patience.wallClockFactor)",
        ].merging(extra) { $1 }
        return try TmuxSession(
            command: "'\(RecallProcess.executable.path)' review --home '\(home.path)'; echo REVIEW-EXIT=$?; sleep 600",
            width: width, height: 40, environment: environment)
    }

    @Test("o opens the starter, r runs the check, Enter takes the suggested grade")
    func reviewExercise() throws {
        let (home, decks) = try prepare()
        defer { home.remove(); decks.remove() }
        let tty = try startReview(home, decks, width: 100)
        try tty.waitFor("Remove Nth Node")
        #expect(try tty.screen().joined().contains("r run the check"))
        try tty.send("o")
        try tty.waitFor("Press r to check")
        try tty.send("r")
        let screen = try tty.waitFor("suggested grade")
        #expect(screen.joined().contains("Accepted"), "\(screen.joined(separator: "\n"))")
        #expect(screen.joined().contains("suggested grade 5"))
        try tty.send("Enter")
        try tty.waitFor("REVIEW-EXIT=0")
        let show = try RecallProcess.run(
            ["show", "coding/remove-nth-from-end", "--json"], home: home.path, now: Self.now)
        let grades = (show.json["history"] as? [[String: Any]])?.compactMap { $0["grade"] as? Int }
        #expect(grades == [5])
        // The attempt is logged in the notebook (table exercise_attempt), its source kept as a file.
        let logged = try ChildProcess.run(
            [
                "sqlite3", home.url.appendingPathComponent("notebook.sqlite").path,
                "SELECT card, verdict FROM exercise_attempt",
            ])
        #expect(logged.output == "coding/remove-nth-from-end|Accepted\n", "\(logged.output)")
        #expect(
            FileManager.default.fileExists(
                atPath: home.url.appendingPathComponent("attempts/coding/remove-nth-from-end.py").path))
    }

    @Test("r with a sandbox that cannot start says so, suggests no grade and logs nothing")
    func reviewBrokenSandbox() throws {
        let (home, decks) = try prepare()
        defer { home.remove(); decks.remove() }
        let tty = try startReview(home, decks, width: 120, environment: ["RECALL_BWRAP": "/nonexistent"])
        try tty.waitFor("Remove Nth Node")
        try tty.send("o")
        try tty.waitFor("Press r to check")
        try tty.send("r")
        let screen = try tty.waitFor("sandbox cannot start").joined(separator: "\n")
        #expect(!screen.contains("suggested grade"), "\(screen)")
        #expect(!screen.contains("Runtime Error"), "\(screen)")
        // Enter has no grade to take: it shows the answer, and q ends the session ungraded.
        try tty.send("Enter")
        try tty.send("q")
        try tty.waitFor("REVIEW-EXIT=")
        let show = try RecallProcess.run(
            ["show", "coding/remove-nth-from-end", "--json"], home: home.path, now: Self.now)
        #expect((show.json["history"] as? [Any])?.isEmpty ?? true, "\(show.stdout)")
        let logged = try ChildProcess.run(
            [
                "sqlite3", home.url.appendingPathComponent("notebook.sqlite").path,
                "SELECT count(*) FROM exercise_attempt",
            ])
        #expect(logged.output == "0\n", "\(logged.output)")
    }

    @Test(
        "recall exercise writes the starter; recall check prints the table, --json the contract, exit 0 only on Accepted"
    )
    func commandLine() throws {
        let (home, decks) = try prepare()
        defer { home.remove(); decks.remove() }
        let work = try TemporaryFolder("recall-work")
        defer { work.remove() }
        let wrote = try RecallProcess.run(
            ["exercise", "coding/remove-nth-from-end", "--dir", work.path], home: home.path, now: Self.now)
        #expect(wrote.status == 0, "\(wrote.stderr)")
        let starter = work.url.appendingPathComponent("remove-nth-from-end.py")
        #expect(FileManager.default.fileExists(atPath: starter.path))
        let failing = try RecallProcess.run(
            ["check", "remove-nth-from-end", starter.path], home: home.path, now: Self.now)
        #expect(failing.status == 1)
        #expect(failing.stdout.contains("Wrong Answer"))
        let good = try RecallProcess.run(
            [
                "check", "coding/remove-nth-from-end", Self.exerciseFolder.appendingPathComponent("solution.cpp").path,
                "--json",
            ],
            home: home.path, now: Self.now)
        #expect(good.status == 0, "\(good.stdout) \(good.stderr)")
        #expect(good.json["verdict"] as? String == "Accepted")
        #expect(good.json["time_ms"] is Int)
        let cases = good.json["cases"] as? [[String: Any]] ?? []
        #expect(cases.count >= 8)
        let visible = cases.first { $0["name"] as? String == "example-1" } ?? [:]
        for key in ["name", "status", "input", "expected", "actual"] { #expect(visible[key] != nil, "\(key)") }
        #expect(cases.contains { $0["name"] as? String == "hidden" && $0["input"] == nil })
        let unknown = try RecallProcess.run(
            ["check", "coding/remove-nth-from-end", "/tmp/x.rb"], home: home.path, now: Self.now)
        #expect(unknown.status == 1)
    }
}
