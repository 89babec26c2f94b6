import Foundation
import RecallCore
internal import Yams

/// The card side of an exercise folder: id, title, tags, and the prompt as the card's front.
/// (The full exercise, with its signature and cases, is the code runner's `Exercise`.)
struct ExerciseCard {
    var id: String
    var tags: [String]
    var front: String
    var back: String

    static func read(folder: URL, display: (String) -> String) -> Result<ExerciseCard, DeckIssue> {
        let yamlURL = folder.appendingPathComponent("exercise.yaml")
        let file = display(yamlURL.path)
        let text: String
        switch DeckFile.readText(yamlURL) {
        case .success(let value): text = value
        case .failure(let failure): return .failure(DeckIssue(file: file, line: 0, message: failure.message))
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            return .failure(DeckIssue(file: file, line: 0, message: "bad YAML: \(error)"))
        }
        guard let mapping = node?.mapping else {
            return .failure(
                DeckIssue(file: file, line: 1, message: "expected a mapping (id, title, function, params, cases)"))
        }
        let id = mapping["id"]?.string ?? folder.lastPathComponent
        guard Identifier.isValid(id) else {
            return .failure(
                DeckIssue(file: file, line: 1, message: "invalid exercise id '\(id)': use a-z, 0-9 and '-'"))
        }
        let title = mapping["title"]?.string ?? id
        let prompt: String?
        let solution: String?
        switch (optionalText("prompt.md", in: folder, display), optionalText("solution.py", in: folder, display)) {
        case (.failure(let issue), _), (_, .failure(let issue)): return .failure(issue)
        case (.success(let p), .success(let s)): (prompt, solution) = (p, s)
        }
        var back = "Write a solution and check it (`r` in review, or `recall check`)."
        if let solution {
            back = "Reference solution:\n\n```python\n\(solution.trimmingCharacters(in: .newlines))\n```"
        }
        let tags = mapping["tags"].map(DeckMeta.tags(from:)) ?? []
        let body = (prompt ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        // The prompt usually opens with its own title heading; otherwise the title goes first.
        let front = body.hasPrefix("#") || body.isEmpty ? (body.isEmpty ? title : body) : "\(title)\n\n\(body)"
        return .success(ExerciseCard(id: id, tags: tags, front: front, back: back))
    }

    /// An optional file of the exercise: nil when absent, an issue when unreadable (a symlink, too
    /// large, not UTF-8).
    private static func optionalText(_ name: String, in folder: URL, _ display: (String) -> String) -> Result<
        String?, DeckIssue
    > {
        let url = folder.appendingPathComponent(name)
        var info = stat()
        if lstat(url.path, &info) != 0 && errno == ENOENT { return .success(nil) }
        switch DeckFile.readText(url) {
        case .success(let text): return .success(text)
        case .failure(let failure):
            return .failure(DeckIssue(file: display(url.path), line: 0, message: failure.message))
        }
    }
}
