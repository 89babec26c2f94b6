import Foundation
import RecallTestSupport
import Testing

/// `recall review` through a pipe: what a script types at each prompt, and `--json`.
@Suite("Review session: line mode and --json")
struct ReviewLineModeTests {
    static let now = "2026-11-23T10:00:00Z"

    func prepare() throws -> (home: TemporaryFolder, decks: TemporaryFolder) {
        let home = try TemporaryFolder("recall-home")
        let decks = try TemporaryFolder("recall-decks")
        try decks.write("d/deck.yaml", "deck: d\n")
        try decks.write(
            "d/cards.md",
            "## first question {#one}\nFIRST-ANSWER\n\n## second question {#two}\nSECOND-ANSWER\n\n## third question {#three}\nTHIRD-ANSWER\n"
        )
        let imported = try RecallProcess.run(["import", decks.path + "/d"], home: home.path, now: Self.now)
        #expect(imported.status == 0, "\(imported.stderr)")
        return (home, decks)
    }

    func grades(_ home: TemporaryFolder, _ card: String) throws -> [Int] {
        let show = try RecallProcess.run(["show", card, "--json"], home: home.path, now: Self.now)
        return (show.json["history"] as? [[String: Any]] ?? []).compactMap { $0["grade"] as? Int }
    }

    @Test("a grade typed at the question prompt shows the answer and counts as the grade")
    func gradeAtQuestion() throws {
        let (home, decks) = try prepare()
        defer { home.remove(); decks.remove() }
        let result = try RecallProcess.run(["review"], home: home.path, now: Self.now, stdin: " 4\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("FIRST-ANSWER"), "\(result.stdout)")
        #expect(result.stdout.contains("Graded 4"), "\(result.stdout)")
        #expect(result.stdout.contains("Reviewed 1 card (1 grades"), "\(result.stdout)")
        #expect(try grades(home, "d/one") == [4])
    }

    @Test("u at the question prompt undoes the previous grade and asks that card again")
    func undoAtQuestion() throws {
        let (home, decks) = try prepare()
        defer { home.remove(); decks.remove() }
        let result = try RecallProcess.run(["review"], home: home.path, now: Self.now, stdin: "4\nu\n\n5\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Undid grade"), "\(result.stdout)")
        #expect(try grades(home, "d/one") == [5])
        #expect(try grades(home, "d/two").isEmpty)
    }

    @Test("--json through a pipe: the prompts go to stderr and stdout is one JSON summary")
    func jsonSummary() throws {
        let (home, decks) = try prepare()
        defer { home.remove(); decks.remove() }
        // one: 2 then a re-drill 5; two: 5; three: 4.
        let result = try RecallProcess.run(
            ["review", "--json"], home: home.path, now: Self.now, stdin: "\n2\n5\n\n4\n\n5\n")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("Q: first question"), "\(result.stderr)")
        let data = Data(result.stdout.utf8)
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any], "\(result.stdout)")
        #expect(document["day"] as? String == "2026-11-23")
        #expect(document["cards"] as? [String] == ["d/one", "d/three", "d/two"])
        #expect(document["graded"] as? Int == 4)
        #expect(document["redrills"] as? Int == 1)
        #expect(document["grades"] as? [String: Int] == ["0": 0, "1": 0, "2": 1, "3": 0, "4": 1, "5": 2])
        // Graded 5 or 4 on a first review: each is due again in 1 day; the 2 was re-drilled.
        #expect(document["due_tomorrow"] as? Int == 3, "\(document)")
        #expect(document["seconds"] is Int)
    }

    @Test("--json with nothing to review is still one JSON document")
    func jsonNothingDue() throws {
        let home = try TemporaryFolder("recall-home")
        defer { home.remove() }
        let result = try RecallProcess.run(["review", "--json"], home: home.path, now: Self.now, stdin: "")
        #expect(result.status == 0, "\(result.stderr)")
        let document = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any], "\(result.stdout)")
        #expect(document["graded"] as? Int == 0)
        #expect(document["cards"] as? [String] == [])
    }
}
