import RecallCore
internal import Yams

/// Deck metadata: the YAML front matter of a deck file, or a folder's `deck.yaml`.
public struct DeckMeta: Hashable, Sendable {
    public var deck: String?
    public var title: String?
    public var tags: [String] = []
    /// Overrides the notebook's daily new-card limit for this deck.
    public var newPerDay: Int?

    public init(deck: String? = nil, title: String? = nil, tags: [String] = [], newPerDay: Int? = nil) {
        self.deck = deck
        self.title = title
        self.tags = tags
        self.newPerDay = newPerDay
    }

    static let knownKeys: Set<String> = ["deck", "title", "tags", "new_per_day"]

    /// Parses YAML text that starts at `firstLine` of `file`; issues carry the file's line numbers.
    /// Public for the fuzz targets (Fuzz/), which feed it hostile text.
    public static func parse(yaml: String, file: String, firstLine: Int) -> (DeckMeta, [DeckIssue]) {
        var meta = DeckMeta()
        var issues: [DeckIssue] = []
        func issue(_ line: Int, _ message: String) {
            issues.append(DeckIssue(file: file, line: line, message: message))
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            let lastLine = firstLine + max(yaml.split(separator: "\n", omittingEmptySubsequences: false).count - 1, 0)
            issue(
                min(firstLine + Self.line(of: error), lastLine),
                "bad front matter: \(Self.summary(of: error)); fix the YAML")
            return (meta, issues)
        } catch {
            issue(firstLine, "bad front matter: \(error)")
            return (meta, issues)
        }
        guard let node else { return (meta, issues) }  // empty front matter is fine
        guard let mapping = node.mapping else {
            issue(firstLine, "bad front matter: expected `key: value` lines (deck, title, tags)")
            return (meta, issues)
        }
        for (keyNode, value) in mapping {
            let key = keyNode.string ?? ""
            let line = firstLine + max((keyNode.mark?.line ?? 1) - 1, 0)
            switch key {
            case "deck":
                if let id = value.string, Identifier.isValid(id) {
                    meta.deck = id
                } else {
                    issue(line, "bad front matter: deck id '\(value.string ?? "?")' must use a-z, 0-9 and '-'")
                }
            case "title":
                meta.title = value.string
            case "tags":
                meta.tags = Self.tags(from: value)
            case "new_per_day":
                if let n = value.int, n >= 0 {
                    meta.newPerDay = n
                } else {
                    issue(line, "bad front matter: new_per_day must be a whole number ≥ 0")
                }
            default:
                issue(line, "bad front matter: unknown key '\(key)' (known: deck, title, tags, new_per_day)")
            }
        }
        return (meta, issues)
    }

    static func tags(from node: Node) -> [String] {
        if let sequence = node.sequence { return sequence.compactMap(\.string).flatMap(Tags.split) }
        return node.string.map(Tags.split) ?? []
    }

    private static func line(of error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return max(mark.line - 1, 0)
        default:
            return 0
        }
    }

    private static func summary(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _):
            return problem
        default:
            return "\(error)"
        }
    }
}

/// Tag lists: comma or space separated, normalised to lowercase, duplicates dropped.
enum Tags {
    static func split(_ text: String) -> [String] {
        text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "\t" })
            .map { $0.lowercased() }
            .filter { !$0.isEmpty }
    }

    static func merge(_ lists: [String]...) -> [String] {
        var seen = Set<String>()
        return lists.joined().filter { seen.insert($0).inserted }
    }
}
