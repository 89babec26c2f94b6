import Foundation
import RecallTestSupport
import Testing

@Suite("Crash safety")
struct CrashSafetyTests {
    /// Kills `recall answer` with SIGKILL at random moments of its life, 200 times. Afterwards the
    /// database is sound, every answer that reported success is in the log, and every state equals
    /// its refold. The kill moments come from timing uninterrupted runs on this machine, so that on
    /// a fast machine and on a slow or busy one alike, some runs finish and some are cut short.
    @Test("200 SIGKILLs of recall answer, spread over its whole run, lose nothing that was reported")
    func killAnswers() throws {
        let (home, decks) = try homeWithDeck(cards: 40)
        defer { home.remove(); decks.remove() }
        var rng = SystemRandomNumberGenerator()
        var reported: [String] = []
        var day = 0

        /// Starts one `recall answer --json` on a random card; the clock moves on with `round`.
        func start(_ round: Int) throws -> ChildProcess.Running {
            if round % 40 == 0 { day += 1 }
            var env = ProcessInfo.processInfo.environment
            env["RECALL_NOW"] = String(format: "2026-12-%02dT10:%02d:00Z", day, round % 60)
            env["TZ"] = "UTC"
            let card = "d/q\(Int.random(in: 1...40, using: &rng))"
            let grade = "\(Int.random(in: 0...5, using: &rng))"
            return try ChildProcess.Running(
                [RecallProcess.executable.path, "answer", "--home", home.path, card, grade, "--early", "--json"],
                environment: env, stderr: false)
        }
        /// The event an answer printed, if it got as far as printing it (even if killed afterwards).
        func event(_ output: String) -> String? {
            let json = try? JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any]
            return json?["event"] as? String
        }
        func seconds(since start: DispatchTime) -> Double {
            Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
        }

        // Calibration: how long an uninterrupted answer takes here, now.
        var calibration: [Double] = []
        for round in 0..<5 {
            let began = DispatchTime.now()
            let ended = try start(round).wait()
            calibration.append(seconds(since: began))
            #expect(ended.status == 0, "an uninterrupted answer failed: \(ended)")
            if let event = event(ended.output) { reported.append(event) }
        }
        // Kill moments uniform over 0 … 1.5 × the slowest run. Should the machine's load change
        // under the test, each block of 20 kills widens or narrows the window so that neither
        // outcome dies out.
        var window = 1.5 * (calibration.max() ?? 0.1)
        let firstWindow = window
        var finished = 0
        var killed = 0
        for block in 0..<10 {
            var blockFinished = 0
            var blockKilled = 0
            for index in 0..<20 {
                let round = 5 + block * 20 + index
                let delay = Double.random(in: 0...window, using: &rng)
                let began = DispatchTime.now()
                let child = try start(round)
                let remaining = delay - seconds(since: began)
                if remaining > 0 { Thread.sleep(forTimeInterval: remaining) }
                kill(child.pid, SIGKILL)  // unreaped until wait(): a zombie at worst, never another process
                let ended = child.wait()
                if let event = event(ended.output) { reported.append(event) }
                if ended.signal == SIGKILL {
                    blockKilled += 1
                } else {
                    #expect(ended.status == 0, "an answer failed without being killed: \(ended)")
                    blockFinished += 1
                }
            }
            finished += blockFinished
            killed += blockKilled
            if blockFinished < 4 { window *= 2 } else if blockKilled < 4 { window *= 0.75 }
        }

        let ms = { (seconds: Double) in "\(Int((seconds * 1000).rounded())) ms" }
        let summary =
            "crash safety: of 200 answers killed at a random moment, \(finished) finished and \(killed) were killed "
            + "before finishing; calibration runs \(calibration.map(ms).joined(separator: ", ")); kill window "
            + "0…\(ms(firstWindow)) at first, 0…\(ms(window)) at the end"
        print(summary)
        // Both outcomes must be common, or the test proves nothing (all killed too early, or none
        // killed at all).
        #expect(finished >= 20, "\(summary)")
        #expect(killed >= 20, "\(summary)")

        let db = home.url.appendingPathComponent("notebook.sqlite").path
        #expect(
            try Shell.run("sqlite3", [db, "PRAGMA integrity_check"]).trimmingCharacters(in: .whitespacesAndNewlines)
                == "ok")
        let logged = Set(
            try Shell.run("sqlite3", [db, "SELECT device || ':' || seq FROM review_event"]).split(separator: "\n").map(
                String.init))
        #expect(reported.count >= finished + calibration.count, "\(summary)")
        for event in reported { #expect(logged.contains(event), "reported \(event) is missing from the log") }
        let check = try RecallProcess.run(["doctor", "--json"], home: home.path)
        #expect(check.status == 0, "\(check.stdout) \(check.stderr)")
        #expect(check.json["inconsistent"] as? [String] == [])
        #expect(check.json["integrity"] as? String == "ok")
    }
}
