import Foundation
import RecallTestSupport
import Testing

/// A card named by its bare id in every command that takes a card (issue 17, point 8).
@Suite("Bare card ids on the command line", .serialized)
struct BareCardIDTests {
    static let exerciseFolder = RecallProcess.repositoryRoot.appendingPathComponent("Decks/coding/remove-nth-from-end")

    /// Deck `d` (question cards q1, q2 and one sharing the exercise's id, as the bundled decks
    /// have) and deck `coding` with the remove-nth-from-end exercise.
    func prepare() throws -> (home: TemporaryFolder, decks: TemporaryFolder) {
        let (home, decks) = try homeWithDeck(cards: 2)
        try decks.write(
            "d/more.md", "## How do you remove the nth node from the end? {#remove-nth-from-end}\nTwo pointers.\n")
        try decks.write("coding/deck.yaml", "deck: coding\ntitle: Coding\n")
        try FileManager.default.copyItem(
            at: Self.exerciseFolder, to: decks.url.appendingPathComponent("coding/remove-nth-from-end"))
        let imported = try RecallProcess.run(["import", decks.path], home: home.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        return (home, decks)
    }

    @Test("exercise and check take the bare id an exercise has, though a question card shares it")
    func exerciseAndCheck() throws {
        let (home, decks) = try prepare()
        defer { home.remove(); decks.remove() }
        let work = try TemporaryFolder("recall-work")
        defer { work.remove() }
        let wrote = try RecallProcess.run(["exercise", "remove-nth-from-end", "--dir", work.path], home: home.path)
        #expect(wrote.status == 0, "\(wrote.stderr)")
        let starter = work.url.appendingPathComponent("remove-nth-from-end.py")
        #expect(FileManager.default.fileExists(atPath: starter.path))
        let checked = try RecallProcess.run(["check", "remove-nth-from-end", starter.path, "--json"], home: home.path)
        #expect(checked.status == 1, "\(checked.stderr)")
        #expect(checked.json["verdict"] as? String == "Wrong Answer", "\(checked.stdout) \(checked.stderr)")
        let attempt = home.url.appendingPathComponent("attempts/coding/remove-nth-from-end.py")
        #expect(FileManager.default.fileExists(atPath: attempt.path))
    }

    @Test("an exercise id two decks have is refused, listing both; a question card's id is not an exercise")
    func ambiguousExercise() throws {
        let (home, decks) = try prepare()
        defer { home.remove(); decks.remove() }
        try decks.write("more/deck.yaml", "deck: more\n")
        try FileManager.default.copyItem(
            at: Self.exerciseFolder, to: decks.url.appendingPathComponent("more/remove-nth-from-end"))
        #expect(try RecallProcess.run(["import", decks.path + "/more"], home: home.path).status == 0)
        let work = try TemporaryFolder("recall-work")
        defer { work.remove() }
        for arguments in [
            ["exercise", "remove-nth-from-end", "--dir", work.path],
            ["check", "remove-nth-from-end", Self.exerciseFolder.appendingPathComponent("solution.py").path],
        ] {
            let result = try RecallProcess.run(arguments, home: home.path)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("coding/remove-nth-from-end, more/remove-nth-from-end"), "\(result.stderr)")
        }
        let question = try RecallProcess.run(["exercise", "q1", "--dir", work.path], home: home.path)
        #expect(question.status == 1 && question.stderr.contains("'d/q1' is a question card"), "\(question.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: work.path).isEmpty)
    }

    @Test("show, answer, edit, the study actions and conflicts resolve take a bare id; an ambiguous one lists both")
    func everyCommand() throws {
        let (home, decks) = try prepare()
        defer { home.remove(); decks.remove() }
        let show = try RecallProcess.run(["show", "q1", "--json"], home: home.path)
        #expect(show.status == 0 && show.json["card"] as? String == "d/q1", "\(show.stderr)")
        let answer = try RecallProcess.run(["answer", "q1", "4", "--json"], home: home.path)
        #expect(answer.status == 0 && answer.json["card"] as? String == "d/q1", "\(answer.stderr)")
        #expect(try RecallProcess.run(["suspend", "q2"], home: home.path).status == 0)
        #expect(try RecallProcess.run(["bury", "q2"], home: home.path).status == 0)
        let edit = try RecallProcess.run(
            ["edit", "q2", "--json"], home: home.path, environment: ["VISUAL": "true", "EDITOR": "true"])
        #expect(edit.status == 0 && edit.json["card"] as? String == "d/q2", "\(edit.stderr)")
        let resolve = try RecallProcess.run(
            ["conflicts", "resolve", "q1", "--ours", "--home", home.path], home: nil)
        #expect(resolve.status == 1 && resolve.stderr.contains("card 'd/q1' has no conflict"), "\(resolve.stderr)")
        let ambiguous = "d/remove-nth-from-end"
        for arguments in [["show", "remove-nth-from-end"], ["answer", "remove-nth-from-end", "3"]] {
            let result = try RecallProcess.run(arguments, home: home.path)
            #expect(result.status == 1, "\(arguments): \(result.stderr)")
            #expect(result.stderr.contains("coding/remove-nth-from-end, \(ambiguous)"), "\(result.stderr)")
        }
        let unknown = try RecallProcess.run(["show", "nope"], home: home.path)
        #expect(unknown.status == 1 && unknown.stderr.contains("no live card has the id 'nope'"), "\(unknown.stderr)")
    }
}
