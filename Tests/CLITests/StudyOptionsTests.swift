import Foundation
import RecallTestSupport
import Testing

/// `recall due` and `recall review` with --deck (and sub-decks), --tag, --card and --cram.
@Suite("Study options")
struct StudyOptionsTests {
    static let day = "2026-11-23"

    func run(_ arguments: [String], _ home: TemporaryFolder, on day: String = day, stdin: String? = nil) throws
        -> RecallProcess.Result
    {
        try RecallProcess.run(arguments, home: home.path, now: day + "T10:00:00Z", stdin: stdin)
    }

    func due(_ arguments: [String], _ home: TemporaryFolder, on day: String = day) throws -> [String] {
        let result = try run(["due", "--json"] + arguments, home, on: day)
        #expect(result.status == 0, "\(result.stderr)")
        return (result.json["cards"] as? [[String: Any]] ?? []).compactMap { $0["card"] as? String }
    }

    func show(_ card: String, _ home: TemporaryFolder) throws -> [String: Any] {
        try run(["show", card, "--json"], home).json
    }

    /// Deck `ml` (title "ML") with sub-deck `ml-basics` (title "ML/Basics", as an Anki `ML::Basics`
    /// is imported) and an unrelated deck `other`; two cards each, the first of each tagged `hot`.
    func notebook() throws -> (home: TemporaryFolder, decks: TemporaryFolder) {
        let home = try TemporaryFolder("recall-home")
        let decks = try TemporaryFolder("recall-decks")
        for (deck, title) in [("ml", "ML"), ("ml-basics", "ML/Basics"), ("other", "Other")] {
            try decks.write("\(deck)/deck.yaml", "deck: \(deck)\ntitle: \(title)\n")
            try decks.write(
                "\(deck)/cards.md",
                "## \(deck) one {#\(deck)-1}\ntags: hot\n\nAnswer one.\n\n## \(deck) two {#\(deck)-2}\nAnswer two.\n")
        }
        let result = try RecallProcess.run(["import", decks.path], home: home.path)
        #expect(result.status == 0, "\(result.stderr)")
        return (home, decks)
    }

    @Test("--deck takes the deck and its sub-decks; --tag only tagged cards; both narrow together")
    func deckAndTag() throws {
        let (home, decks) = try notebook()
        defer { home.remove(); decks.remove() }
        #expect(
            try due(["--deck", "ml"], home) == ["ml/ml-1", "ml-basics/ml-basics-1", "ml/ml-2", "ml-basics/ml-basics-2"])
        #expect(try due(["--deck", "ml-basics"], home) == ["ml-basics/ml-basics-1", "ml-basics/ml-basics-2"])
        #expect(try due(["--tag", "hot"], home) == ["ml/ml-1", "ml-basics/ml-basics-1", "other/other-1"])
        #expect(try due(["--deck", "ml", "--tag", "hot"], home) == ["ml/ml-1", "ml-basics/ml-basics-1"])
        let unknown = try run(["due", "--deck", "nope"], home)
        #expect(unknown.status == 1 && unknown.stderr.contains("no deck 'nope'"), "\(unknown.stderr)")
        let noTag = try run(["review", "--tag", "cold"], home)
        #expect(noTag.status == 1 && noTag.stderr.contains("no live card has the tag 'cold'"), "\(noTag.stderr)")
    }

    @Test("--card studies exactly the cards named, in that order, due or not: grades are early reviews")
    func namedCards() throws {
        let (home, decks) = try notebook()
        defer { home.remove(); decks.remove() }
        // Reviewed on the two days before: next due 2026-11-28.
        #expect(try run(["answer", "other/other-2", "5"], home, on: "2026-11-21").status == 0)
        #expect(try run(["answer", "other/other-2", "5"], home, on: "2026-11-22").status == 0)
        #expect(try due(["--card", "other-2", "--card", "ml/ml-1"], home) == ["other/other-2", "ml/ml-1"])
        let review = try run(["review", "--card", "other-2"], home, stdin: "\n4\n")
        #expect(review.status == 0, "\(review.stderr)")
        let history = try show("other/other-2", home)["history"] as? [[String: Any]] ?? []
        #expect(history.compactMap { $0["kind"] as? String } == ["review", "review", "review"])
        #expect(history.compactMap { $0["grade"] as? Int } == [5, 5, 4])
        let both = try run(["due", "--card", "ml-1", "--deck", "ml"], home)
        #expect(both.status == 2, "\(both.stderr)")
        let missing = try run(["due", "--card", "ml/none"], home)
        #expect(missing.status == 1 && missing.stderr.contains("ml/none"), "\(missing.stderr)")
        let ambiguous = try run(["review", "--card", "one"], home)
        #expect(ambiguous.status == 1, "\(ambiguous.stderr)")
    }

    @Test("--cram goes through every chosen card, due or not; grades are drills and change no schedule")
    func cram() throws {
        let (home, decks) = try notebook()
        defer { home.remove(); decks.remove() }
        #expect(try run(["answer", "ml/ml-1", "5"], home).status == 0)
        let before = try show("ml/ml-1", home)["state"] as? [String: Any]
        #expect(
            try due(["--deck", "ml", "--cram"], home, on: "2026-11-23") == [
                "ml/ml-1", "ml/ml-2", "ml-basics/ml-basics-1", "ml-basics/ml-basics-2",
            ])
        // ml-1 gets a 2 (so it comes back at the end of the session), ml-2 a 4, then ml-1 a 5.
        let review = try run(["review", "--deck", "ml", "--cram", "--limit", "2"], home, stdin: "\n2\n\n4\n\n5\n")
        #expect(review.status == 0, "\(review.stderr)")
        #expect(review.stdout.contains("Crammed (schedule unchanged)"), "\(review.stdout)")
        let after = try show("ml/ml-1", home)
        #expect(after["state"] as? [String: Any] as NSDictionary? == before as NSDictionary?)
        let kinds = (after["history"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
        #expect(kinds == ["review", "drill", "drill"])
        // A new card crammed stays new, and a crammed 2 owes no re-drill in today's queue.
        #expect(try show("ml/ml-2", home)["state"] is NSNull)
        #expect(try due(["--deck", "ml"], home) == ["ml/ml-2", "ml-basics/ml-basics-1", "ml-basics/ml-basics-2"])
        // Undo takes a cram grade back like any other.
        #expect(try run(["undo"], home).status == 0)
        let undone = (try show("ml/ml-1", home)["history"] as? [[String: Any]] ?? []).compactMap { $0["grade"] as? Int }
        #expect(undone == [5, 2])
        let doctor = try run(["doctor"], home)
        #expect(doctor.status == 0, "\(doctor.stdout)\(doctor.stderr)")
    }
}
