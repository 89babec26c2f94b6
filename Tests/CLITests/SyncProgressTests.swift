import Foundation
import RecallTestSupport
import Testing

@Suite("Sync: review progress between two notebooks")
struct SyncProgressTests {
    /// Two homes with the same deck folder imported and one (empty) progress remote.
    private func twoDevices(cards: Int) throws -> (root: TemporaryFolder, a: String, b: String, remote: URL) {
        let root = try TemporaryFolder("recall-progress")
        try root.write("decks/p/deck.yaml", "deck: p\ntitle: Progress deck\n")
        try root.write(
            "decks/p/cards.md",
            (1...cards).map { "## Question \($0) {#c\($0)}\nAnswer \($0).\n" }.joined(separator: "\n"))
        let remote = try GitCLI.bareRemote(in: root, name: "progress", files: [:])
        let a = root.path + "/home-a"
        let b = root.path + "/home-b"
        for home in [a, b] {
            let imported = try RecallProcess.run(["import", root.path + "/decks/p"], home: home)
            #expect(imported.status == 0, "\(imported.stderr)")
            let set = try RecallProcess.run(["progress", "remote", "file://" + remote.path, "--home", home], home: nil)
            #expect(set.status == 0, "\(set.stderr)")
        }
        return (root, a, b, remote)
    }

    private func answer(_ home: String, _ card: String, _ grade: Int, on day: String) throws {
        let result = try RecallProcess.run(
            ["answer", "p/\(card)", "\(grade)", "--early"], home: home, now: day + "T09:30:00Z")
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test("different and overlapping cards reviewed on different days: after syncing twice, every card is identical")
    func convergence() throws {
        let (root, a, b, remote) = try twoDevices(cards: 6)
        defer { root.remove() }
        try answer(a, "c1", 5, on: "2026-11-20")
        try answer(a, "c2", 3, on: "2026-11-20")
        try answer(b, "c2", 4, on: "2026-11-21")  // overlapping card, later day
        try answer(b, "c3", 2, on: "2026-11-21")
        try answer(a, "c1", 4, on: "2026-11-22")
        try answer(b, "c4", 5, on: "2026-11-19")  // earlier than A's first review
        try answer(b, "c3", 5, on: "2026-11-22")

        var sent = 0
        var received = 0
        for _ in 0..<2 {
            for home in [a, b] {
                let result = try RecallProcess.run(["sync", "--json"], home: home, now: "2026-11-23T10:00:00Z")
                #expect(result.status == 0, "\(result.stderr)")
                let progress = result.json["progress"] as? [String: Any] ?? [:]
                sent += progress["sent"] as? Int ?? 0
                received += progress["received"] as? Int ?? 0
            }
        }
        #expect(sent == 7 && received == 7)
        for card in (1...6).map({ "p/c\($0)" }) {
            let one = try RecallProcess.run(["show", card, "--json"], home: a, now: "2026-11-23T10:00:00Z")
            let two = try RecallProcess.run(["show", card, "--json"], home: b, now: "2026-11-23T10:00:00Z")
            #expect(one.status == 0 && one.stdout == two.stdout, "\(card) differs:\n\(one.stdout)\n\(two.stdout)")
        }
        let c2 = try RecallProcess.run(["show", "p/c2", "--json"], home: a).json
        #expect((c2["history"] as? [Any])?.count == 2)
        // One file per device in the remote, one event a line.
        let files = try GitCLI.run(["ls-tree", "--name-only", "main", "events/"], in: remote)
        #expect(files.split(separator: "\n").count == 2)
        let lines = try GitCLI.run(["show", "main:" + String(files.split(separator: "\n")[0])], in: remote)
        let first = try JSONSerialization.jsonObject(with: Data(lines.split(separator: "\n")[0].utf8)) as? [String: Any]
        for key in ["id", "device", "seq", "card", "ts", "day", "grade", "kind", "duration_ms"] {
            #expect(first?[key] != nil, "event line lacks \(key)")
        }
    }

    @Test("study actions travel like grades: suspend, bury and forget on A reach B, and both converge")
    func actionsConverge() throws {
        let (root, a, b, remote) = try twoDevices(cards: 4)
        defer { root.remove() }
        let day = "2026-11-23T10:00:00Z"
        try answer(a, "c3", 5, on: "2026-11-22")
        try answer(a, "c4", 4, on: "2026-11-23")
        for action in [["suspend", "p/c1"], ["bury", "c2"], ["forget", "p/c3", "--yes"]] {
            let result = try RecallProcess.run(action, home: a, now: day)
            #expect(result.status == 0, "\(result.stderr)")
        }
        try answer(b, "c1", 4, on: "2026-11-23")
        try answer(b, "c3", 3, on: "2026-11-23")
        for _ in 0..<2 {
            for home in [a, b] {
                let result = try RecallProcess.run(["sync"], home: home, now: day)
                #expect(result.status == 0, "\(result.stderr)")
            }
        }
        for card in (1...4).map({ "p/c\($0)" }) {
            let one = try RecallProcess.run(["show", card, "--json"], home: a, now: day)
            let two = try RecallProcess.run(["show", card, "--json"], home: b, now: day)
            #expect(one.status == 0 && one.stdout == two.stdout, "\(card) differs:\n\(one.stdout)\n\(two.stdout)")
        }
        let c1 = try RecallProcess.run(["show", "p/c1", "--json"], home: b, now: day).json
        #expect(c1["suspended"] as? Bool == true)
        let due = try RecallProcess.run(["due", "--json"], home: b, now: "2026-11-24T10:00:00Z")
        let cards = (due.json["cards"] as? [[String: Any]] ?? []).compactMap { $0["card"] as? String }
        #expect(!cards.contains("p/c1") && cards.contains("p/c2"))
        for home in [a, b] { #expect(try RecallProcess.run(["doctor"], home: home, now: day).status == 0) }
        // An action line in the remote has the action's fields and no grade.
        let files = try GitCLI.run(["ls-tree", "--name-only", "main", "events/"], in: remote)
        var actionLines = 0
        for file in files.split(separator: "\n") {
            for line in try GitCLI.run(["show", "main:" + String(file)], in: remote).split(separator: "\n") {
                let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
                if object?["action"] != nil {
                    actionLines += 1
                    #expect(object?["grade"] == nil && object?["id"] != nil && object?["seq"] != nil)
                }
            }
        }
        #expect(actionLines == 3)
        // The three actions undone on A after they were sent: retracted on B.
        for _ in 0..<3 { #expect(try RecallProcess.run(["undo"], home: a, now: day).status == 0) }
        for home in [a, b] { #expect(try RecallProcess.run(["sync"], home: home, now: day).status == 0) }
        let after = try RecallProcess.run(["show", "p/c1", "--json"], home: b, now: day).json
        #expect(after["suspended"] as? Bool == false && (after["actions"] as? [Any])?.isEmpty == true)
        for card in (1...4).map({ "p/c\($0)" }) {
            let one = try RecallProcess.run(["show", card, "--json"], home: a, now: day)
            let two = try RecallProcess.run(["show", card, "--json"], home: b, now: day)
            #expect(one.stdout == two.stdout, "\(card) differs after the retractions")
        }
    }

    @Test("a grade undone after it was sent is retracted on the other device; the next grade is sent too")
    func undoAfterSync() throws {
        let (root, a, b, _) = try twoDevices(cards: 2)
        defer { root.remove() }
        try answer(a, "c1", 2, on: "2026-11-22")
        #expect(try RecallProcess.run(["sync"], home: a).status == 0)
        #expect(try RecallProcess.run(["sync"], home: b).status == 0)
        let before = try RecallProcess.run(["show", "p/c1", "--json"], home: b).json
        #expect((before["history"] as? [Any])?.count == 1)

        // A takes the grade back and gives another: the new event must not reuse the undone seq.
        #expect(try RecallProcess.run(["undo"], home: a).status == 0)
        try answer(a, "c1", 5, on: "2026-11-22")
        let sent = try RecallProcess.run(["sync", "--json"], home: a)
        let progress = sent.json["progress"] as? [String: Any] ?? [:]
        #expect(progress["sent"] as? Int == 1 && progress["retracted"] as? Int == 1, "\(sent.stdout)")
        for _ in 0..<2 {
            for home in [b, a] { #expect(try RecallProcess.run(["sync"], home: home).status == 0) }
        }
        let one = try RecallProcess.run(["show", "p/c1", "--json"], home: a)
        let two = try RecallProcess.run(["show", "p/c1", "--json"], home: b)
        #expect(one.stdout == two.stdout, "A:\n\(one.stdout)\nB:\n\(two.stdout)")
        let history = two.json["history"] as? [[String: Any]] ?? []
        #expect(history.count == 1 && history.first?["grade"] as? Int == 5, "\(two.stdout)")
    }

    /// Steps of the seq scenarios: `a c1` answers card c1, `u` undoes, `s` syncs (on device A).
    @Test(
        "seqs never go back: after several undos in a row the next grade gets a fresh seq, is sent and received",
        arguments: [
            "a c1, a c2, s, u, u, a c3",  // issue 13: the second undo lowered the seq floor
            "a c1, a c2, a c3, s, u, u, u, a c4",
            "a c1, a c2, s, u, s, u, a c3",
            "a c1, a c2, s, u, u, s, a c3",
            "a c1, a c2, s, u, a c3, s, u, u, a c4",
        ])
    func seqsNeverGoBack(steps: String) throws {
        let (root, a, b, _) = try twoDevices(cards: 4)
        defer { root.remove() }
        var answered: [String] = []
        for step in steps.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if step == "s" {
                #expect(try RecallProcess.run(["sync"], home: a).status == 0, "\(steps): sync")
            } else if step == "u" {
                let undone = try RecallProcess.run(["undo"], home: a)
                #expect(undone.status == 0, "\(steps): undo: \(undone.stderr)")
                answered.removeLast()
            } else {
                let card = String(step.dropFirst(2))
                try answer(a, card, 4, on: "2026-11-22")
                answered.append(card)
            }
        }
        let last = try RecallProcess.run(["sync", "--json"], home: a)
        let progress = last.json["progress"] as? [String: Any] ?? [:]
        #expect(last.status == 0 && progress["sent"] as? Int == 1, "\(steps): \(last.stdout)")
        for _ in 0..<2 {
            for home in [b, a] { #expect(try RecallProcess.run(["sync"], home: home).status == 0) }
        }
        for card in (1...4).map({ "c\($0)" }) {
            let one = try RecallProcess.run(["show", "p/\(card)", "--json"], home: a)
            let two = try RecallProcess.run(["show", "p/\(card)", "--json"], home: b)
            #expect(
                one.status == 0 && one.stdout == two.stdout, "\(steps): \(card) differs:\n\(one.stdout)\n\(two.stdout)")
            let graded = (two.json["history"] as? [Any])?.count ?? -1
            #expect(graded == (answered.contains(card) ? 1 : 0), "\(steps): \(card) on B has \(graded) grade(s)")
        }
    }

    @Test("review history brought in by an import (another notebook's Anki package) travels to the other device")
    func importedHistoryTravels() throws {
        let (root, a, b, _) = try twoDevices(cards: 2)
        defer { root.remove() }
        let x = root.path + "/home-x"
        #expect(try RecallProcess.run(["import", root.path + "/decks/p"], home: x).status == 0)
        try answer(x, "c1", 4, on: "2026-11-20")
        try answer(x, "c2", 1, on: "2026-11-21")
        let package = root.path + "/x.apkg"
        let exported = try RecallProcess.run(["export", "--apkg", package], home: x)
        #expect(exported.status == 0, "\(exported.stderr)")
        let imported = try RecallProcess.run(["import", package], home: a)
        #expect(imported.status == 0, "\(imported.stderr)")

        let sent = try RecallProcess.run(["sync", "--json"], home: a)
        #expect((sent.json["progress"] as? [String: Any])?["sent"] as? Int == 2, "\(sent.stdout)")
        let received = try RecallProcess.run(["sync", "--json"], home: b)
        #expect((received.json["progress"] as? [String: Any])?["received"] as? Int == 2, "\(received.stdout)")
        for card in ["p/c1", "p/c2"] {
            let one = try RecallProcess.run(["show", card, "--json"], home: a)
            let two = try RecallProcess.run(["show", card, "--json"], home: b)
            #expect(one.stdout == two.stdout, "\(card) differs:\n\(one.stdout)\n\(two.stdout)")
            #expect((two.json["history"] as? [Any])?.count == 1, "\(card)")
        }
        // Nothing is sent twice.
        let idle = try RecallProcess.run(["sync", "--json"], home: a)
        #expect((idle.json["progress"] as? [String: Any])?["sent"] as? Int == 0, "\(idle.stdout)")
    }

    @Test("a progress sync killed after exporting or merging is completed by the next one")
    func killedProgress() throws {
        for point in ["progress.after-export", "progress.after-merge"] {
            let (root, a, b, _) = try twoDevices(cards: 2)
            defer { root.remove() }
            try answer(b, "c2", 4, on: "2026-11-21")
            #expect(try RecallProcess.run(["sync"], home: b).status == 0)
            try answer(a, "c1", 5, on: "2026-11-22")
            let killed = try RecallProcess.run(["sync"], home: a, environment: ["RECALL_FAILPOINT": point])
            #expect(killed.status != 0)
            let next = try RecallProcess.run(["sync", "--json"], home: a)
            #expect(next.status == 0, "\(point): \(next.stderr)")
            #expect(try RecallProcess.run(["sync"], home: b).status == 0)
            for card in ["p/c1", "p/c2"] {
                let one = try RecallProcess.run(["show", card, "--json"], home: a)
                let two = try RecallProcess.run(["show", card, "--json"], home: b)
                #expect(one.stdout == two.stdout, "\(point): \(card) differs")
                #expect((one.json["history"] as? [Any])?.count == 1, "\(point): \(card)")
            }
        }
    }

    @Test("sync without a progress remote or sources says there is nothing to sync")
    func nothingToSync() throws {
        let home = try TemporaryFolder("recall-home")
        defer { home.remove() }
        let result = try RecallProcess.run(["sync"], home: home.path)
        #expect(result.status == 0 && result.stdout.contains("nothing to sync"))
    }
}
