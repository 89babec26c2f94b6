import Foundation
import RecallTestSupport
import Testing

/// The real binary on a copy of the v2 notebook fixture (Tests/Fixtures/make-v2-notebook.sh): the
/// first command upgrades it, and the sources and the attempts are there afterwards.
@Suite("v2 notebook")
struct V2NotebookTests {
    @Test("the first command upgrades a v2 notebook: sources listed, the attempts log set aside")
    func upgradeThroughTheBinary() throws {
        let home = try TemporaryFolder("recall-v2-home")
        defer { home.remove() }
        let fixture = RecallProcess.repositoryRoot.appendingPathComponent("Tests/Fixtures/v2-notebook")
        for item in try FileManager.default.contentsOfDirectory(atPath: fixture.path) {
            try FileManager.default.copyItem(
                at: fixture.appendingPathComponent(item), to: home.url.appendingPathComponent(item))
        }
        let listed = try RecallProcess.run(["source", "list", "--json", "--home", home.path], home: nil)
        #expect(listed.status == 0, "\(listed.stderr)")
        let sources = listed.json["sources"] as? [[String: Any]] ?? []
        #expect(sources.compactMap { $0["source"] as? String } == ["solo", "team"], "\(listed.stdout)")
        let attempts = home.url.appendingPathComponent("attempts")
        #expect(!FileManager.default.fileExists(atPath: attempts.appendingPathComponent("log.jsonl").path))
        #expect(FileManager.default.fileExists(atPath: attempts.appendingPathComponent("log.jsonl.v2-migrated").path))
        let logged = try ChildProcess.run(
            [
                "sqlite3", home.url.appendingPathComponent("notebook.sqlite").path,
                "SELECT verdict FROM exercise_attempt",
            ])
        #expect(logged.output == "Wrong Answer\nAccepted\n", "\(logged.output)")
        let due = try RecallProcess.run(["due", "--json"], home: home.path)
        #expect(due.status == 0, "\(due.stderr)")
    }
}
