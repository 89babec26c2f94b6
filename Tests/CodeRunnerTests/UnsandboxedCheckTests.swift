import Foundation
import RecallTestSupport
import Testing

/// `recall check` when bubblewrap is missing (hidden with `RECALL_BWRAP=`): a warning for local
/// exercises, a refusal for exercises from a subscribed source unless `--allow-unsandboxed`.
@Suite("recall check without bubblewrap")
struct UnsandboxedCheckTests {
    static let exercise = RecallProcess.repositoryRoot.appendingPathComponent("Decks/coding/remove-nth-from-end")

    /// Imports the exercise as deck `deckName` from `folder/deckName`.
    func importExercise(into folder: URL, deckName: String, home: TemporaryFolder) throws {
        let deck = folder.appendingPathComponent(deckName)
        try FileManager.default.createDirectory(at: deck, withIntermediateDirectories: true)
        try "deck: \(deckName)\ntitle: Coding\n".write(
            to: deck.appendingPathComponent("deck.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: Self.exercise, to: deck.appendingPathComponent("remove-nth-from-end"))
        let imported = try RecallProcess.run(["import", deck.path], home: home.path)
        #expect(imported.status == 0, "\(imported.stderr)")
    }

    @Test("local: runs under rlimits with a warning; remote: refused unless --allow-unsandboxed")
    func withoutBwrap() throws {
        let home = try TemporaryFolder("recall-home")
        let local = try TemporaryFolder("recall-decks")
        defer {
            home.remove()
            local.remove()
        }
        try importExercise(into: local.url, deckName: "mine", home: home)
        try importExercise(into: home.url.appendingPathComponent("sources/shared"), deckName: "shared", home: home)
        let solution = Self.exercise.appendingPathComponent("solution.py").path
        let noBwrap = ["RECALL_BWRAP": ""]

        let sandboxed = try RecallProcess.run(["check", "shared/remove-nth-from-end", solution], home: home.path)
        #expect(sandboxed.status == 0, "\(sandboxed.stdout)\(sandboxed.stderr)")
        #expect(!sandboxed.stderr.contains("warning"))

        let localRun = try RecallProcess.run(
            ["check", "mine/remove-nth-from-end", solution], home: home.path, environment: noBwrap)
        #expect(localRun.status == 0, "\(localRun.stdout)\(localRun.stderr)")
        #expect(localRun.stderr.contains("warning: bubblewrap"), "\(localRun.stderr)")

        let refused = try RecallProcess.run(
            ["check", "shared/remove-nth-from-end", solution], home: home.path, environment: noBwrap)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--allow-unsandboxed"), "\(refused.stderr)")
        #expect(!refused.stdout.contains("Accepted"))

        let allowed = try RecallProcess.run(
            ["check", "shared/remove-nth-from-end", solution, "--allow-unsandboxed", "--json"], home: home.path,
            environment: noBwrap)
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(allowed.json["verdict"] as? String == "Accepted")
        #expect(allowed.json["sandboxed"] as? Bool == false)
        #expect(allowed.stderr.contains("warning: bubblewrap"))
    }
}
