import Foundation
import RecallTestSupport
import Testing

@Suite("Crash safety")
struct CrashSafetyTests {
    /// Kills `recall answer` with SIGKILL at random moments, 200 times. Afterwards the database is
    /// sound, every answer that reported success is in the log, and every state equals its refold.
    @Test("200 SIGKILLs of recall answer lose nothing that was reported")
    func killAnswers() throws {
        let (home, decks) = try homeWithDeck(cards: 40)
        defer { home.remove(); decks.remove() }
        var reported: [String] = []
        var rng = SystemRandomNumberGenerator()
        var day = 0
        for round in 0..<200 {
            if round % 40 == 0 { day += 1 }
            let process = Process()
            process.executableURL = RecallProcess.executable
            let card = "d/q\(Int.random(in: 1...40, using: &rng))"
            let grade = "\(Int.random(in: 0...5, using: &rng))"
            process.arguments = ["answer", "--home", home.path, card, grade, "--early", "--json"]
            var env = ProcessInfo.processInfo.environment
            env["RECALL_NOW"] = String(format: "2026-12-%02dT10:%02d:00Z", day, round % 60)
            env["TZ"] = "UTC"
            process.environment = env
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            // Kill somewhere between start-up and well after a typical commit.
            usleep(UInt32.random(in: 0...40_000, using: &rng))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            if process.terminationReason == .exit && process.terminationStatus == 0,
                let json = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                let event = json["event"] as? String
            {
                reported.append(event)
            }
        }
        let db = home.url.appendingPathComponent("notebook.sqlite").path
        #expect(
            try Shell.run("sqlite3", [db, "PRAGMA integrity_check"]).trimmingCharacters(in: .whitespacesAndNewlines)
                == "ok")
        let logged = Set(
            try Shell.run("sqlite3", [db, "SELECT device || ':' || seq FROM review_event"]).split(separator: "\n").map(
                String.init))
        #expect(!reported.isEmpty, "no answer finished before its kill: the test proves nothing")
        for event in reported { #expect(logged.contains(event), "reported \(event) is missing from the log") }
        let check = try RecallProcess.run(["doctor", "--json"], home: home.path)
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        #expect(check.json["inconsistent"] as? [String] == [])
        #expect(check.json["integrity"] as? String == "ok")
    }
}
