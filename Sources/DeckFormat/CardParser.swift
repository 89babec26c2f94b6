import RecallCore

/// A card as written in a Markdown deck file, before it has a deck or, possibly, an id.
public struct ParsedCard: Hashable, Sendable {
    /// The id written in the heading (`{#id}`), nil when the file does not give one yet.
    public var id: String?
    public var question: String
    public var answer: String
    public var tags: [String]
    /// 1-based line of the card's heading.
    public var line: Int
}

/// What one Markdown deck file holds.
public struct ParsedFile: Sendable {
    public var meta: DeckMeta
    public var cards: [ParsedCard]
    public var issues: [DeckIssue]
    /// True when the front matter could not be read whole (bad YAML, an unclosed block, an unknown
    /// key, a file refused whole): a single-file deck without `meta.deck` then has an unknown id.
    public var metaHasErrors = false
}

/// Reads Markdown deck files (DECK-FORMAT.md): optional YAML front matter, then one card per
/// level-2 heading; the heading is the question, the body the answer, `{#id}` the card's id.
public enum CardParser {
    /// Decodes and parses a file's bytes; invalid UTF-8 or a NUL byte is reported, not guessed at.
    public static func parse(data: [UInt8], file: String) -> ParsedFile {
        if data.contains(0) {
            return ParsedFile(
                meta: DeckMeta(), cards: [],
                issues: [
                    DeckIssue(
                        file: file, line: 0,
                        message: "binary file (contains NUL bytes); a deck file must be UTF-8 Markdown text")
                ], metaHasErrors: true)
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            let line = firstInvalidLine(data)
            return ParsedFile(
                meta: DeckMeta(), cards: [],
                issues: [DeckIssue(file: file, line: line, message: "invalid UTF-8; save the file as UTF-8")],
                metaHasErrors: true)
        }
        return parse(text: text, file: file)
    }

    /// A leading byte-order mark is dropped; line numbers are unchanged.
    public static func parse(text: String, file: String) -> ParsedFile {
        let lines = MarkdownLines(ByteOrderMark.dropped(from: text))
        var issues: [DeckIssue] = []
        var meta = DeckMeta()
        var metaHasErrors = false
        var index = 0
        if lines.count > 0, lines[0].trimmingTrailingSpace == "---" {
            if let end = (1..<lines.count).first(where: { lines[$0].trimmingTrailingSpace == "---" }) {
                let yaml = (1..<end).map { lines[$0] }.joined(separator: "\n")
                let (parsed, metaIssues) = DeckMeta.parse(yaml: yaml, file: file, firstLine: 2)
                meta = parsed
                issues += metaIssues
                metaHasErrors = !metaIssues.isEmpty
                index = end + 1
            } else {
                issues.append(DeckIssue(file: file, line: 1, message: "bad front matter: no closing '---' line"))
                metaHasErrors = true
                index = 1  // still read the cards below, so none is dropped silently
            }
        }

        var cards: [ParsedCard] = []
        var fence: Substring?  // the opening fence while inside a fenced code block
        var current: (heading: Substring, line: Int, body: [Substring])?

        func finish() {
            guard let open = current else { return }
            current = nil
            if let card = makeCard(heading: open.heading, line: open.line, body: open.body, file: file, issues: &issues)
            {
                cards.append(card)
            }
        }

        while index < lines.count {
            let line = lines[index]
            let number = index + 1
            index += 1
            if let open = fence {
                if MarkdownLines.closesFence(line, open: open) { fence = nil }
                current?.body.append(line)
                continue
            }
            if let opening = MarkdownLines.fenceOpening(line) {
                fence = opening
                current?.body.append(line)
                continue
            }
            if !line.startsWithHash {
                current?.body.append(line)
            } else if line.hasPrefix("## ") || line.trimmingTrailingSpace == "##" {
                finish()
                current = (line.dropFirst(2), number, [])
            } else if line.hasPrefix("# ") || line.trimmingTrailingSpace == "#" {
                finish()  // a level-1 heading is the file's title, not part of a card
            } else {
                current?.body.append(line)
            }
        }
        finish()
        return ParsedFile(meta: meta, cards: cards, issues: issues, metaHasErrors: metaHasErrors)
    }

    private static func makeCard(
        heading: Substring, line: Int, body: [Substring], file: String, issues: inout [DeckIssue]
    ) -> ParsedCard? {
        let parsed = HeadingID.split(heading)
        if let problem = parsed.problem {
            issues.append(DeckIssue(file: file, line: line, message: problem))
            return nil
        }
        var lines = body[...]
        while let first = lines.first, first.isBlank { lines = lines.dropFirst() }
        var tags: [String] = []
        if let first = lines.first, first.hasPrefix("tags:") {
            tags = Tags.split(String(first.dropFirst(5)))
            lines = lines.dropFirst()
        }
        while let first = lines.first, first.isBlank { lines = lines.dropFirst() }
        while let last = lines.last, last.isBlank { lines = lines.dropLast() }
        let question = parsed.question
        let answer = lines.joined(separator: "\n")
        let label = parsed.id.map { " '\($0)'" } ?? ""
        if question.isEmpty {
            issues.append(
                DeckIssue(file: file, line: line, message: "card\(label) has an empty question; write it after '## '"))
            return nil
        }
        if answer.isEmpty {
            issues.append(
                DeckIssue(
                    file: file, line: line,
                    message: "card\(label) '\(question.prefix(40))' has an empty answer; write it below the heading"))
            return nil
        }
        return ParsedCard(id: parsed.id, question: question, answer: answer, tags: tags, line: line)
    }

    /// 1-based line of the first byte sequence that is not UTF-8.
    private static func firstInvalidLine(_ data: [UInt8]) -> Int {
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let bad = lines.firstIndex { String(validating: $0, as: UTF8.self) == nil } ?? 0
        return bad + 1
    }
}

/// The `{#id}` marker at the end of a card heading.
enum HeadingID {
    struct Split {
        var question: String
        var id: String?
        var problem: String?
    }

    /// Where each `{#` starts outside inline code (`` `…` ``, CommonMark code spans: a run of N
    /// backticks up to the next run of exactly N), found on bytes (the generic `ranges(of:)` is
    /// slow in a hot loop). A `{#x}` shown in code is part of the question, never its id.
    static func idMarkers(in text: Substring) -> [Substring.Index] {
        let bytes = text.utf8
        let backtick = UInt8(ascii: "`")
        // Backtick runs first, so that each opener finds its closer without rescanning the line.
        var runs: [(start: Substring.Index, end: Substring.Index, length: Int)] = []
        var index = bytes.startIndex
        while index != bytes.endIndex {
            guard bytes[index] == backtick else {
                index = bytes.index(after: index)
                continue
            }
            let start = index
            var length = 0
            while index != bytes.endIndex, bytes[index] == backtick {
                length += 1
                index = bytes.index(after: index)
            }
            runs.append((start, index, length))
        }
        var runsOfLength: [Int: [Int]] = [:]
        for (position, run) in runs.enumerated() { runsOfLength[run.length, default: []].append(position) }
        var cursor: [Int: Int] = [:]  // per length: how many of its runs lie behind the scan
        var spans: [Range<Substring.Index>] = []
        var position = 0
        while position < runs.count {
            let run = runs[position]
            let same = runsOfLength[run.length] ?? []
            var next = cursor[run.length] ?? 0
            while next < same.count, same[next] <= position { next += 1 }
            cursor[run.length] = next
            if next < same.count {
                let closer = same[next]
                spans.append(run.start..<runs[closer].end)
                position = closer + 1
            } else {
                position += 1  // no closer: the backticks are literal
            }
        }
        var result: [Substring.Index] = []
        var span = 0
        index = bytes.startIndex
        while index != bytes.endIndex {
            while span < spans.count, spans[span].upperBound <= index { span += 1 }
            if span < spans.count, spans[span].contains(index) {
                index = spans[span].upperBound
                continue
            }
            let next = bytes.index(after: index)
            if bytes[index] == UInt8(ascii: "{"), next != bytes.endIndex, bytes[next] == UInt8(ascii: "#") {
                result.append(index)
            }
            index = next
        }
        return result
    }

    static func split(_ heading: Substring) -> Split {
        let text = heading.trimmingTrailingSpace.drop(while: { $0 == " " || $0 == "\t" })
        let markers = idMarkers(in: text)
        guard let last = markers.last else { return Split(question: String(text), id: nil) }
        if markers.count > 1 {
            return Split(question: "", id: nil, problem: "heading has more than one id ({#…}); keep one")
        }
        guard text.hasSuffix("}") else {
            return Split(question: "", id: nil, problem: "the id {#…} must end the heading line")
        }
        let id = String(text[text.utf8.index(last, offsetBy: 2)..<text.index(before: text.endIndex)])
        guard Identifier.isValid(id) else {
            return Split(
                question: "", id: nil,
                problem: "invalid card id '\(id)': use lowercase letters, digits and '-' (e.g. {#lora-rank})")
        }
        let question = text[..<last].trimmingTrailingSpace
        return Split(question: String(question), id: id)
    }
}
