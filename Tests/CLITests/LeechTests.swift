import Foundation
import RecallTestSupport
import Testing

/// A card that keeps failing: at 8 lapses (`RECALL_LEECH_LAPSES`) it is suspended and tagged leech.
@Suite("Leeches")
struct LeechTests {
    /// ISO date of `offset` days after 2026-01-01.
    func day(_ offset: Int) -> String {
        let start = Date(timeIntervalSince1970: 1_767_225_600)  // 2026-01-01T00:00:00Z
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: start.addingTimeInterval(Double(offset) * 86_400))
    }

    func run(
        _ arguments: [String], _ home: TemporaryFolder, on offset: Int, environment: [String: String] = [:],
        stdin: String? = nil
    ) throws -> RecallProcess.Result {
        try RecallProcess.run(
            arguments, home: home.path, now: day(offset) + "T10:00:00Z", environment: environment, stdin: stdin)
    }

    /// Drives d/q1 through `lapses` lapses (a 5 the day it is due, then a 1 the next day); returns
    /// the next free day and the JSON of the last answer.
    func lapse(
        _ home: TemporaryFolder, times lapses: Int, from start: Int = 0, environment: [String: String] = [:]
    ) throws -> (next: Int, last: [String: Any]) {
        var offset = start
        var last: [String: Any] = [:]
        for _ in 0..<lapses {
            let pass = try run(["answer", "d/q1", "5", "--json"], home, on: offset, environment: environment)
            #expect(pass.status == 0, "\(pass.stderr)")
            let fail = try run(["answer", "d/q1", "1", "--json"], home, on: offset + 1, environment: environment)
            #expect(fail.status == 0, "\(fail.stderr)")
            last = fail.json
            offset += 2
        }
        return (offset, last)
    }

    func show(_ home: TemporaryFolder, on offset: Int) throws -> [String: Any] {
        try run(["show", "d/q1", "--json"], home, on: offset).json
    }

    @Test("the 8th lapse makes a leech: suspended, tagged, out of the queue; undo takes grade and leech back")
    func eightLapses() throws {
        let (home, decks) = try homeWithDeck(cards: 2)
        defer { home.remove(); decks.remove() }
        let (seventhDone, seventh) = try lapse(home, times: 7)
        #expect(seventh["leech"] as? Bool == false && seventh["lapses"] as? Int == 7)
        #expect(try show(home, on: seventhDone)["suspended"] as? Bool == false)

        let (next, eighth) = try lapse(home, times: 1, from: seventhDone)
        #expect(eighth["leech"] as? Bool == true && eighth["lapses"] as? Int == 8, "\(eighth)")
        let card = try show(home, on: next)
        #expect(card["suspended"] as? Bool == true)
        #expect((card["tags"] as? [String])?.contains("leech") == true, "\(card)")
        #expect((card["actions"] as? [[String: Any]])?.last?["kind"] as? String == "leech")
        let due = try run(["due", "--json"], home, on: next + 30)
        #expect((due.json["cards"] as? [[String: Any]])?.compactMap { $0["card"] as? String } == ["d/q2"])
        let leeches = try run(["cards", "--state", "leech", "--json"], home, on: next)
        #expect((leeches.json["cards"] as? [[String: Any]])?.compactMap { $0["card"] as? String } == ["d/q1"])

        // One undo takes back the failing grade and the leech it brought.
        let undo = try run(["undo", "--json"], home, on: next - 1)
        #expect(undo.status == 0, "\(undo.stderr)")
        let undone = try show(home, on: next - 1)
        #expect(undone["suspended"] as? Bool == false)
        #expect((undone["tags"] as? [String])?.contains("leech") == false)
        #expect((undone["state"] as? [String: Any])?["lapses"] as? Int == 7)
        #expect(try run(["doctor"], home, on: next).status == 0)

        // Unsuspended, the card keeps its tag; the 12th lapse catches it again.
        let again = try run(["answer", "d/q1", "1", "--json"], home, on: next - 1)
        #expect(again.json["leech"] as? Bool == true)
        #expect(try run(["unsuspend", "d/q1"], home, on: next).status == 0)
        let kept = try show(home, on: next)
        #expect(kept["suspended"] as? Bool == false && (kept["tags"] as? [String])?.contains("leech") == true)
        let (_, twelfth) = try lapse(home, times: 4, from: next)
        #expect(twelfth["lapses"] as? Int == 12 && twelfth["leech"] as? Bool == true)
    }

    @Test("the review screen's line mode says a card became a leech and does not bring it back")
    func reviewLine() throws {
        let (home, decks) = try homeWithDeck(cards: 1)
        defer { home.remove(); decks.remove() }
        let environment = ["RECALL_LEECH_LAPSES": "2"]
        let (next, _) = try lapse(home, times: 1, environment: environment)
        #expect(try run(["answer", "d/q1", "5"], home, on: next, environment: environment).status == 0)
        let review = try run(["review"], home, on: next + 1, environment: environment, stdin: "\n1\n")
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stdout.contains("Leech: 2 lapses, so d/q1 is suspended and tagged leech"), "\(review.stdout)")
        #expect(review.stdout.contains("Reviewed 1 card (1 grades, 0 re-drills)"), "\(review.stdout)")
    }

    @Test("RECALL_LEECH_LAPSES=0 turns leeches off; a bad value is refused")
    func setting() throws {
        let (home, decks) = try homeWithDeck(cards: 1)
        defer { home.remove(); decks.remove() }
        let (next, last) = try lapse(home, times: 9, environment: ["RECALL_LEECH_LAPSES": "0"])
        #expect(last["leech"] as? Bool == false && last["lapses"] as? Int == 9)
        #expect(try show(home, on: next)["suspended"] as? Bool == false)
        let bad = try run(["due"], home, on: next, environment: ["RECALL_LEECH_LAPSES": "many"])
        #expect(bad.status == 1 && bad.stderr.contains("RECALL_LEECH_LAPSES"), "\(bad.stderr)")
    }
}
