import Foundation
import RecallTestSupport
import Testing

/// `recall import` on a terminal shows a progress line on stderr and wipes it at the end; never in
/// `--json` or through a pipe. The delay before it shows is 0 here (`RECALL_PROGRESS_AFTER_MS`), so
/// the test does not depend on how long the import takes on this machine.
@Suite("Import progress line", .serialized)
struct ImportProgressTests {
    /// Runs `arguments` in a terminal once told to, with everything the terminal receives logged.
    func terminalOutput(_ arguments: String, home: TemporaryFolder, decks: TemporaryFolder) throws -> (
        raw: String, screen: [String]
    ) {
        let log = decks.url.appendingPathComponent("terminal.log")
        let tty = try TmuxSession(
            command:
                "read go; '\(RecallProcess.executable.path)' import --home '\(home.path)' \(arguments); echo IMPORT-EXIT=$?; sleep 600",
            width: 100, height: 24,
            environment: ["RECALL_NOW": "2026-11-23T10:00:00Z", "TZ": "UTC", "RECALL_PROGRESS_AFTER_MS": "0"])
        try tty.tmux(["pipe-pane", "-t", tty.name, "-o", "cat >> '\(log.path)'"])
        try tty.send("Enter")
        let screen = try tty.waitFor("IMPORT-EXIT=")
        // pipe-pane writes asynchronously: wait until the exit line has reached the log too.
        var raw = ""
        _ = try Patience.poll(for: Patience.standard) {
            raw = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            return raw.contains("IMPORT-EXIT=")
        }
        return (raw, screen)
    }

    func decks() throws -> TemporaryFolder {
        let decks = try TemporaryFolder("recall-decks")
        try decks.write("big/deck.yaml", "deck: big\ntitle: Big\n")
        for file in 1...4 {
            try decks.write(
                "big/part\(file).md",
                (1...50).map { "## Question \(file)-\($0) {#q\(file)-\($0)}\nAnswer.\n" }.joined(separator: "\n"))
        }
        return decks
    }

    @Test("on a terminal: the line counts files and cards, then the save, and is wiped before the summary")
    func onTerminal() throws {
        let home = try TemporaryFolder("recall-home")
        let decks = try decks()
        defer { home.remove(); decks.remove() }
        let (raw, screen) = try terminalOutput("'\(decks.path)/big'", home: home, decks: decks)
        #expect(screen.contains { $0.contains("IMPORT-EXIT=0") }, "\(screen)")
        #expect(raw.contains("Importing: reading decks, 1 file, 50 cards"), "\(raw)")
        #expect(raw.contains("Importing: saving 200 cards"), "\(raw)")
        // The last progress text is followed by the erase before anything else is printed.
        let saving = try #require(raw.range(of: "Importing: saving 200 cards…"))
        #expect(raw[saving.upperBound...].hasPrefix("\r\u{1B}[K"), "\(raw.debugDescription)")
        #expect(!screen.contains { $0.contains("Importing:") }, "\(screen)")
    }

    @Test("with --json or stderr through a pipe there is no progress line")
    func notOnPipeOrJSON() throws {
        let home = try TemporaryFolder("recall-home")
        let decks = try decks()
        defer { home.remove(); decks.remove() }
        let json = try terminalOutput("--json '\(decks.path)/big'", home: home, decks: decks)
        #expect(!json.raw.contains("Importing:"), "\(json.raw)")
        let piped = try terminalOutput("'\(decks.path)/big' 2>&1 | cat", home: home, decks: decks)
        #expect(!piped.raw.contains("Importing:"), "\(piped.raw)")
        let plain = try RecallProcess.run(
            ["import", decks.path + "/big"], home: home.path, environment: ["RECALL_PROGRESS_AFTER_MS": "0"])
        #expect(plain.status == 0 && !plain.stderr.contains("Importing:"), "\(plain.stderr)")
    }
}
