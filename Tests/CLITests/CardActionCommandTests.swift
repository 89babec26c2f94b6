import Foundation
import RecallTestSupport
import Testing

@Suite("Study actions on the command line")
struct CardActionCommandTests {
    func due(_ home: TemporaryFolder, on day: String = "2026-11-23") throws -> [String] {
        let result = try RecallProcess.run(["due", "--json"], home: home.path, now: day + "T10:00:00Z")
        #expect(result.status == 0, "\(result.stderr)")
        return (result.json["cards"] as? [[String: Any]] ?? []).compactMap { $0["card"] as? String }
    }

    func run(_ arguments: [String], _ home: TemporaryFolder, on day: String = "2026-11-23") throws
        -> RecallProcess.Result
    {
        try RecallProcess.run(arguments, home: home.path, now: day + "T10:00:00Z")
    }

    @Test(
        "suspend leaves a card out of `recall due` (a bare id works); unsuspend brings it back; undo takes either back")
    func suspend() throws {
        let (home, decks) = try homeWithDeck()
        defer { home.remove(); decks.remove() }
        let suspended = try run(["suspend", "q2", "--json"], home)
        #expect(suspended.status == 0, "\(suspended.stderr)")
        let entry = (suspended.json["cards"] as? [[String: Any]])?.first
        #expect(entry?["card"] as? String == "d/q2" && entry?["suspended"] as? Bool == true)
        #expect(try due(home) == ["d/q1", "d/q3"])
        #expect(try due(home, on: "2027-01-01") == ["d/q1", "d/q3"])
        let show = try run(["show", "d/q2", "--json"], home)
        #expect(show.json["suspended"] as? Bool == true)
        #expect(try run(["undo"], home).status == 0)
        #expect(try due(home) == ["d/q1", "d/q2", "d/q3"])
        #expect(try run(["suspend", "--deck", "d"], home).status == 0)
        #expect(try due(home).isEmpty)
        #expect(try run(["unsuspend", "d/q1", "q3"], home).status == 0)
        #expect(try due(home) == ["d/q1", "d/q3"])
        let undo = try run(["undo", "--json"], home)
        #expect(undo.json["kind"] as? String == "unsuspend" && undo.json["grade"] == nil)
        #expect(try due(home) == ["d/q1"])
    }

    @Test("a buried card is back the next study day; undo unburies it")
    func bury() throws {
        let (home, decks) = try homeWithDeck()
        defer { home.remove(); decks.remove() }
        let buried = try run(["bury", "d/q1", "--json"], home)
        #expect((buried.json["cards"] as? [[String: Any]])?.first?["buried_until"] as? String == "2026-11-24")
        #expect(try due(home) == ["d/q2", "d/q3"])
        #expect(try due(home, on: "2026-11-24") == ["d/q1", "d/q2", "d/q3"])
        #expect(try run(["undo"], home).status == 0)
        #expect(try due(home) == ["d/q1", "d/q2", "d/q3"])
    }

    @Test("forget makes a card new again with its history kept; undo restores the state exactly")
    func forget() throws {
        let (home, decks) = try homeWithDeck(cards: 1)
        defer { home.remove(); decks.remove() }
        #expect(try run(["answer", "d/q1", "5"], home).status == 0)
        #expect(try run(["answer", "d/q1", "4"], home, on: "2026-11-24").status == 0)
        let before = try run(["show", "d/q1", "--json"], home, on: "2026-11-25").stdout
        let refused = try run(["forget", "d/q1"], home, on: "2026-11-25")
        #expect(refused.status == 2 && refused.stderr.contains("--yes"))
        let forgot = try run(["forget", "d/q1", "--yes", "--json"], home, on: "2026-11-25")
        #expect(forgot.status == 0, "\(forgot.stderr)")
        let show = try run(["show", "d/q1", "--json"], home, on: "2026-11-25")
        #expect(show.json["state"] is NSNull)
        #expect((show.json["history"] as? [Any])?.count == 2)
        #expect(try due(home, on: "2026-11-25") == ["d/q1"])
        #expect(try run(["undo"], home, on: "2026-11-25").status == 0)
        #expect(try run(["show", "d/q1", "--json"], home, on: "2026-11-25").stdout == before)
        #expect(try run(["doctor"], home).status == 0)
    }

    @Test(
        "bad selections are refused with a clear message and change nothing",
        arguments: [
            (["suspend", "nope"], 1, "no live card has the id 'nope'"),
            (["suspend", "--tag", "nothing-here"], 1, "no live card has the tag 'nothing-here'"),
            (["suspend", "--deck", "zz"], 1, "no deck 'zz'"),
            (["suspend", "d/zz"], 1, "d/zz"),
            (["suspend"], 2, "at least one card"),
            (["bury", "Bad Id"], 2, "Bad Id"),
        ])
    func badSelections(arguments: [String], status: Int32, message: String) throws {
        let (home, decks) = try homeWithDeck()
        defer { home.remove(); decks.remove() }
        let result = try run(arguments, home)
        #expect(result.status == status && result.stderr.contains(message), "\(result.stderr)")
        #expect(try due(home) == ["d/q1", "d/q2", "d/q3"])
    }

    @Test("a bare id held by two decks is ambiguous: refused, naming both")
    func ambiguous() throws {
        let (home, decks) = try homeWithDeck()
        defer { home.remove(); decks.remove() }
        try decks.write("e/deck.yaml", "deck: e\ntitle: Other\n")
        try decks.write("e/cards.md", "## Question {#q1}\nAnswer.\n")
        #expect(try RecallProcess.run(["import", decks.path + "/e"], home: home.path).status == 0)
        let result = try run(["suspend", "q1"], home)
        #expect(result.status == 1 && result.stderr.contains("d/q1, e/q1"), "\(result.stderr)")
    }

    @Test("forget on a terminal asks first: y forgets, anything else forgets nothing (exit 1)")
    func forgetAsksOnTerminal() throws {
        let (home, decks) = try homeWithDeck(cards: 2)
        defer { home.remove(); decks.remove() }
        for card in ["d/q1", "d/q2"] { #expect(try run(["answer", card, "5"], home).status == 0) }
        for (card, reply, status, forgotten) in [("d/q1", "y", 0, true), ("d/q2", "no", 1, false)] {
            let tty = try TmuxSession(
                command:
                    "'\(RecallProcess.executable.path)' forget \(card) --home '\(home.path)'; echo FORGET-EXIT=$?; sleep 600",
                environment: ["RECALL_NOW": "2026-11-23T10:00:00Z", "TZ": "UTC"])
            try tty.waitFor("Their schedule restarts. [y/N]")
            try tty.send(reply, "Enter")
            try tty.waitFor("FORGET-EXIT=\(status)")
            let state = try run(["show", card, "--json"], home).json["state"]
            #expect((state is NSNull) == forgotten, "\(card): \(String(describing: state))")
        }
    }
}
