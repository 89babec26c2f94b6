import Foundation
import RecallTestSupport
import Testing

@Suite("recall cards")
struct CardsCommandTests {
    func run(_ arguments: [String], _ home: TemporaryFolder, on day: String = "2026-11-23", columns: String = "")
        throws -> RecallProcess.Result
    {
        try RecallProcess.run(arguments, home: home.path, now: day + "T10:00:00Z", environment: ["COLUMNS": columns])
    }

    func answer(_ card: String, _ grade: Int, on day: String, _ home: TemporaryFolder) throws {
        let result = try run(["answer", card, "\(grade)"], home, on: day)
        #expect(result.status == 0, "\(card) on \(day): \(result.stderr)")
    }

    /// `recall cards --json ARGS` as (card, state) pairs, in the printed order.
    func listed(_ arguments: [String], _ home: TemporaryFolder, on day: String = "2026-11-23") throws -> [String] {
        let result = try run(["cards", "--json"] + arguments, home, on: day)
        #expect(result.status == 0, "\(result.stderr)")
        return (result.json["cards"] as? [[String: Any]] ?? []).map {
            "\($0["card"] as? String ?? "?") \($0["state"] as? String ?? "?")"
        }
    }

    /// Deck d with q1 … q7 (q7 tagged leech), graded and acted on so that every stage occurs on
    /// 2026-11-23; then q0 is added at the top of the file, last into the notebook.
    func notebookWithEveryStage() throws -> (home: TemporaryFolder, decks: TemporaryFolder) {
        let (home, decks) = try homeWithDeck(cards: 6)
        try decks.write(
            "d/cards.md",
            try decks.read("d/cards.md") + "\n## Question 7 {#q7}\ntags: leech\n\nAnswer 7.\n")
        #expect(try run(["import", decks.path + "/d"], home).status == 0)
        // q1 learning with a lapse (due 11-22), q2 young (interval 6, due 11-08), q3 mature (interval 50).
        try answer("d/q1", 5, on: "2026-11-20", home)
        try answer("d/q1", 1, on: "2026-11-21", home)
        try answer("d/q2", 5, on: "2026-11-01", home)
        try answer("d/q2", 5, on: "2026-11-02", home)
        for day in ["2026-09-01", "2026-09-02", "2026-09-08", "2026-09-25"] { try answer("d/q3", 5, on: day, home) }
        #expect(try run(["suspend", "q4"], home).status == 0)
        #expect(try run(["bury", "q5"], home).status == 0)
        try decks.write("d/cards.md", "## Question 0 {#q0}\nAnswer 0.\n\n" + (try decks.read("d/cards.md")))
        #expect(try run(["import", decks.path + "/d"], home).status == 0)
        return (home, decks)
    }

    @Test("every stage is shown and filtered; a suspended card shows as suspended; leeches go by their tag")
    func stages() throws {
        let (home, decks) = try notebookWithEveryStage()
        defer { home.remove(); decks.remove() }
        #expect(
            try listed([], home) == [
                "d/q2 young", "d/q3 mature", "d/q1 learning", "d/q0 new", "d/q4 suspended", "d/q5 buried",
                "d/q6 new", "d/q7 new",
            ])
        #expect(try listed(["--state", "learning"], home) == ["d/q1 learning"])
        #expect(try listed(["--state", "young"], home) == ["d/q2 young"])
        #expect(try listed(["--state", "mature"], home) == ["d/q3 mature"])
        #expect(try listed(["--state", "suspended"], home) == ["d/q4 suspended"])
        #expect(try listed(["--state", "buried"], home) == ["d/q5 buried"])
        #expect(try listed(["--state", "new"], home) == ["d/q0 new", "d/q6 new", "d/q7 new"])
        #expect(try listed(["--state", "leech"], home) == ["d/q7 new"])
        #expect(try listed(["--tag", "leech"], home) == ["d/q7 new"])
        // The burial ends with the study day; the suspension does not.
        #expect(try listed(["--state", "buried"], home, on: "2026-11-24").isEmpty)
        #expect(try listed(["--state", "suspended"], home, on: "2027-03-01") == ["d/q4 suspended"])
        #expect(try run(["unsuspend", "q4"], home).status == 0)
        #expect(try listed(["--state", "suspended"], home).isEmpty)
    }

    @Test("--sort due, ease, lapses, added; the JSON fields of a scheduled and a new card")
    func sortsAndFields() throws {
        let (home, decks) = try notebookWithEveryStage()
        defer { home.remove(); decks.remove() }
        let new = ["d/q0", "d/q4", "d/q5", "d/q6", "d/q7"]
        func ids(_ sort: String) throws -> [String] {
            try listed(["--sort", sort], home).map { String($0.split(separator: " ")[0]) }
        }
        #expect(try ids("due") == ["d/q2", "d/q3", "d/q1"] + new)
        #expect(try ids("ease") == ["d/q1", "d/q2", "d/q3"] + new)  // EF 2.60, 2.70, 2.90
        #expect(try ids("lapses") == ["d/q1", "d/q2", "d/q3"] + new)
        #expect(try ids("added") == ["d/q1", "d/q2", "d/q3", "d/q4", "d/q5", "d/q6", "d/q7", "d/q0"])

        let cards = try run(["cards", "--json", "--state", "mature"], home).json["cards"] as? [[String: Any]]
        let mature = try #require(cards?.first)
        #expect(mature["due"] as? String == "2026-11-14" && mature["interval"] as? Int == 50)
        #expect(mature["ease"] as? Double == 2.9 && mature["lapses"] as? Int == 0)
        #expect(mature["question"] as? String == "Question 3")
        let learning = try run(["cards", "--json", "--state", "learning"], home).json["cards"] as? [[String: Any]]
        #expect(learning?.first?["lapses"] as? Int == 1)
        let fresh = try #require(
            (try run(["cards", "--json", "--state", "leech"], home).json["cards"] as? [[String: Any]])?.first)
        #expect(fresh["due"] is NSNull && fresh["interval"] is NSNull && fresh["ease"] is NSNull)
        #expect(fresh["lapses"] as? Int == 0)
    }

    @Test("only the named deck; removed cards are not listed")
    func deckFilter() throws {
        let (home, decks) = try homeWithDeck(cards: 2)
        defer { home.remove(); decks.remove() }
        try decks.write("e/deck.yaml", "deck: e\ntitle: Other\n")
        try decks.write("e/cards.md", "## Other question {#o1}\nAnswer.\n")
        #expect(try run(["import", decks.path + "/e"], home).status == 0)
        #expect(try listed(["--deck", "e"], home) == ["e/o1 new"])
        #expect(try listed([], home) == ["d/q1 new", "d/q2 new", "e/o1 new"])
        try decks.write("d/cards.md", "## Question 1 {#q1}\nAnswer 1.\n")
        #expect(try run(["import", decks.path + "/d"], home).status == 0)
        #expect(try listed(["--deck", "d"], home) == ["d/q1 new"])
    }

    @Test("questions are cut to $COLUMNS by display width (CJK counts two); through a pipe they are whole")
    func width() throws {
        let (home, decks) = try homeWithDeck(cards: 1)
        defer { home.remove(); decks.remove() }
        let question = String(repeating: "注意力机制", count: 20)
        try decks.write("d/cards.md", "## \(question) {#q1}\nAnswer.\n")
        #expect(try run(["import", decks.path + "/d"], home).status == 0)

        let cut = try run(["cards"], home, columns: "60")
        #expect(cut.status == 0, "\(cut.stderr)")
        let lines = cut.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2 && lines[0].hasPrefix("CARD") && lines[0].hasSuffix("QUESTION"))
        for line in lines { #expect(Self.columns(line) <= 60, "\(line)") }
        #expect(lines[1].hasPrefix("d/q1") && lines[1].hasSuffix("…") && Self.columns(lines[1]) >= 58)
        #expect(lines[1].contains("注意力") && !lines[1].contains(question))

        let piped = try run(["cards"], home)
        #expect(piped.stdout.contains(question + "\n"), "\(piped.stdout)")
    }

    /// Terminal columns of test text: CJK ideographs take two.
    static func columns(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ((0x4E00...0x9FFF).contains($1.value) ? 2 : 1) }
    }

    @Test(
        "bad input: an unknown deck (exit 1, named), a bad state or sort (exit 2, the valid values listed)",
        arguments: [
            (["cards", "--deck", "zz"], 1, "no deck 'zz'"),
            (["cards", "--state", "lerning"], 2, "'lerning'"),
            (["cards", "--state", "lerning"], 2, "learning"),
            (["cards", "--sort", "random"], 2, "lapses"),
        ])
    func badInput(arguments: [String], status: Int32, message: String) throws {
        let (home, decks) = try homeWithDeck()
        defer { home.remove(); decks.remove() }
        let result = try run(arguments, home)
        #expect(result.status == status && result.stderr.contains(message), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test("an empty notebook, and filters that select nothing, say so")
    func empty() throws {
        let home = try TemporaryFolder("recall-home")
        defer { home.remove() }
        #expect(try run(["cards"], home).stdout == "No cards yet.\n")
        #expect(try run(["cards", "--json"], home).json["cards"] as? [Any] != nil)
        let (other, decks) = try homeWithDeck()
        defer { other.remove(); decks.remove() }
        #expect(try run(["cards", "--state", "mature"], other).stdout == "No card matches.\n")
    }
}
