import CodeRunner
import DeckFormat
import Foundation
import RecallTestSupport
import Testing

/// Every bundled exercise, every language.
enum Bundled {
    static var folders: [URL] {
        let root = RecallProcess.repositoryRoot.appendingPathComponent("Decks/coding")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().map { root.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.appendingPathComponent("exercise.yaml").path) }
    }

    static var pairs: [(String, Language)] {
        folders.flatMap { folder in Language.allCases.map { (folder.lastPathComponent, $0) } }
    }
}

@Suite("Bundled exercises")
struct ReferenceSolutionTests {
    @Test("the coding deck has removeNthFromEnd and at least 64 more, each with 8+ cases and hidden ones")
    func deckShape() throws {
        let ids = Bundled.folders.map(\.lastPathComponent)
        #expect(ids.contains("remove-nth-from-end"))
        #expect(ids.count >= 65, "\(ids.count) exercises")
        for folder in Bundled.folders {
            let exercise = try Exercise.load(folder: folder)
            #expect(exercise.cases.count >= 8, "\(exercise.id)")
            #expect(exercise.cases.contains { $0.hidden }, "\(exercise.id)")
            #expect(exercise.languages.count == 3, "\(exercise.id)")
            for language in Language.allCases {
                let wrong = exercise.file("wrong", language).path
                #expect(
                    FileManager.default.fileExists(atPath: wrong), "\(exercise.id): no wrong.\(language.fileExtension)")
            }
            for fence in ["```python", "```swift", "```cpp"] {
                #expect(exercise.prompt.contains(fence), "\(exercise.id): prompt.md has no \(fence) signature block")
            }
        }
    }

    @Test("every reference solution is Accepted", arguments: Bundled.pairs.map { "\($0.0):\($0.1.rawValue)" })
    func referenceAccepted(pair: String) throws {
        let parts = pair.split(separator: ":").map(String.init)
        let folder = RecallProcess.repositoryRoot.appendingPathComponent("Decks/coding/\(parts[0])")
        let language = try #require(Language(name: parts[1]))
        let exercise = try Exercise.load(folder: folder)
        let source = try String(contentsOf: exercise.file("solution", language), encoding: .utf8)
        let report = try Checker.patient().check(exercise, source: source, language: language)
        #expect(
            report.verdict == .accepted,
            "\(pair): \(report.verdict) \(report.message ?? "") \(report.cases.filter { $0.status != .passed })")
        #expect(report.sandboxed)
    }

    @Test(
        "each exercise's known-wrong solutions are not Accepted",
        arguments: Bundled.pairs.map { "\($0.0):\($0.1.rawValue)" })
    func wrongRejected(pair: String) throws {
        let parts = pair.split(separator: ":").map(String.init)
        let folder = RecallProcess.repositoryRoot.appendingPathComponent("Decks/coding/\(parts[0])")
        let language = try #require(Language(name: parts[1]))
        let exercise = try Exercise.load(folder: folder)
        let source = try String(contentsOf: exercise.file("wrong", language), encoding: .utf8)
        let report = try Checker.patient().check(exercise, source: source, language: language)
        #expect(report.verdict != .accepted, "\(pair)")
        // Wrong for a reason the cases show, not because it fails to compile.
        #expect(report.verdict != .compileError, "\(pair): \(report.message ?? "")")
        #expect(report.cases.contains { $0.status != .passed })
    }
}
