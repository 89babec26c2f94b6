import Foundation
import RecallTestSupport
import Testing

/// One rule for every command (issue 17, points 18–20): an unknown deck or card is exit 1 naming
/// it; a malformed number, grade or option is exit 2 with the command's own usage; `TZ` is read as
/// `date` reads it.
@Suite("Command-line rules")
struct CommandLineRulesTests {
    func run(_ arguments: [String], _ home: TemporaryFolder?, environment: [String: String] = [:]) throws
        -> RecallProcess.Result
    {
        try RecallProcess.run(arguments, home: home?.path, environment: environment)
    }

    @Test(
        "malformed numbers and grades are usage errors (exit 2) with the command's usage",
        arguments: [
            (["search", "x", "--limit", "0"], "--limit must be 1 or more", "recall search"),
            (["search", "x", "--limit", "-1"], "--limit must be 1 or more", "recall search"),
            (["due", "--limit", "-3"], "--limit must be 1 or more", "recall due"),
            (["answer", "d/q1", "-1"], "'-1' is not a grade", "recall answer"),
            (["answer", "d/q1", "4", "--time-ms=-5"], "--time-ms must be 0 or more", "recall answer"),
            (["answer", "d/q1", "4", "--time-ms", "-5"], "--time-ms must be 0 or more", "recall answer"),
            (["stats", "--days", "-2"], "--days must be between 1 and 3650", "recall stats"),
            (["exercise", "d/q1", "--lang", "rust"], "'rust' is invalid for '--lang <lang>'", "recall exercise"),
        ])
    func usageErrors(arguments: [String], message: String, usage: String) throws {
        let (home, decks) = try homeWithDeck(cards: 1)
        defer { home.remove(); decks.remove() }
        let result = try run(arguments, home)
        #expect(result.status == 2, "\(arguments): \(result.status) \(result.stderr)")
        #expect(result.stderr.contains(message) && result.stderr.contains(usage), "\(result.stderr)")
        let show = try run(["show", "d/q1", "--json"], home)
        #expect((show.json["history"] as? [Any])?.isEmpty == true, "nothing was logged")
    }

    @Test(
        "a command parsed on its own (the quick path) says what the full parse says: help, usage, errors",
        arguments: [["due"], ["answer", "d/q1", "4"], ["show", "d/q1"], ["suspend", "d/q1"], ["stats"]])
    func parsedAlone(arguments: [String]) throws {
        let command = arguments[0]
        let help = try run([command, "--help"], nil)
        #expect(help.status == 0 && help.stdout.contains("USAGE: recall \(command) "), "\(help.stdout)")
        #expect(try run(["help", command], nil).stdout == help.stdout)
        let unknown = try run(arguments + ["--bogus"], nil)
        #expect(unknown.status == 2, "\(unknown.stderr)")
        #expect(unknown.stderr.contains("Unknown option '--bogus'"), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("Usage: recall \(command) "), "\(unknown.stderr)")
        #expect(unknown.stderr.contains("See 'recall \(command) --help' for more information."), "\(unknown.stderr)")
    }

    @Test("an unknown deck is exit 1 naming it, on due, review, stats, cards and export alike")
    func unknownDeck() throws {
        let (home, decks) = try homeWithDeck(cards: 1)
        defer { home.remove(); decks.remove() }
        for command in [["due"], ["review"], ["stats"], ["cards"], ["export", "--apkg", decks.path + "/x.apkg"]] {
            let result = try run(command + ["--deck", "nope"], home)
            #expect(result.status == 1 && result.stderr.contains("'nope'"), "\(command): \(result.stderr)")
        }
    }

    @Test("bare `recall` is a usage error; a mistyped command gets the nearest one; --version prints it")
    func commandNames() throws {
        let bare = try run([], nil)
        #expect(bare.status == 2 && bare.stderr.contains("recall --help"), "\(bare.stderr)")
        let typo = try run(["dew"], nil)
        #expect(typo.status == 2 && typo.stderr.contains("Did you mean 'due'?"), "\(typo.stderr)")
        let far = try run(["frobnicate"], nil)
        #expect(far.status == 2 && !far.stderr.contains("Did you mean"), "\(far.stderr)")
        let version = try run(["--version"], nil)
        #expect(
            version.status == 0 && version.stdout.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil)
    }

    @Test("a source that is a missing local folder says so, not 'unsupported URL protocol'")
    func missingSourceFolder() throws {
        let home = try TemporaryFolder("recall-home")
        defer { home.remove() }
        for url in ["/nonexistent/decks", "file:///nonexistent/decks"] {
            let result = try run(["source", "add", url, "--home", home.path], nil)
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains("no repository at /nonexistent/decks"), "\(result.stderr)")
            #expect(!result.stderr.contains("protocol"), "\(result.stderr)")
        }
    }

    /// The study day of 2026-12-02T21:00:00Z with the day starting at midnight, as `date` gives it.
    func dateDay(_ zone: String) throws -> String {
        let result = try ChildProcess.run(
            ["date", "-d", "@1796245200", "+%F"], environment: ["TZ": zone, "PATH": "/usr/bin:/bin"])
        return result.output.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(
        "TZ in POSIX form counts hours west of UTC, as `date` does; zone names as before",
        arguments: ["UTC+8", "CST-8", "<+08>-8", "UTC-5:30", "Asia/Shanghai", "America/New_York", "UTC"])
    func posixZones(zone: String) throws {
        let home = try TemporaryFolder("recall-home")
        defer { home.remove() }
        let result = try RecallProcess.run(
            ["due", "--json"], home: home.path, now: "2026-12-02T21:00:00Z",
            environment: ["TZ": zone, "RECALL_ROLLOVER_HOUR": "0"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.json["day"] as? String == (try dateDay(zone)), "TZ=\(zone)")
    }

    @Test("a TZ that is neither a zone name nor POSIX's form is refused, naming it")
    func badZone() throws {
        let home = try TemporaryFolder("recall-home")
        defer { home.remove() }
        let result = try RecallProcess.run(["due"], home: home.path, environment: ["TZ": "Mars/Olympus"])
        #expect(result.status == 1 && result.stderr.contains("TZ='Mars/Olympus'"), "\(result.stderr)")
    }
}
