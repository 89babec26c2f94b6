/// A card as a learner writes it for `recall add`: in an editor, from a template, or as the
/// command line's question, answer and tags. Read with the deck file parser, so a card reads the
/// same in a draft as in a deck; checked to hold exactly one card and nothing that would be lost.
public enum CardDraft {
    /// What a draft holds.
    public enum Reading: Equatable, Sendable {
        /// Nothing but the template's guide, blank lines and empty `##` or `tags:` lines.
        case empty
        case card(NewCard)
        /// Why the text is not one card, each with the draft's line where known.
        case problems([DeckIssue])
    }

    /// The text an editor opens for a new card: guide lines (level-1 headings, which the parser
    /// reads as commentary), then an empty question line and a tags line.
    public static func template(deck: String, file: String, tags: [String]) -> String {
        // Built line by line: the question line ends in a space, which an editor of this file would trim.
        [
            "# A new card for deck '\(deck)', added to \(file).",
            "# Write the question after \"## \" (an id {#like-this} at its end is optional) and the",
            "# answer below the tags line (comma separated; may stay empty). Lines starting with \"# \"",
            "# are left out. Leave the card empty to add nothing.",
            "",
            "## ",
            "tags: \(tags.joined(separator: ", "))",
            "",
            "",
        ].joined(separator: "\n")
    }

    /// The draft's line where the editor should put the cursor: the question's.
    public static let questionLine = 6

    /// Reads a draft; `file` names it in problems.
    public static func read(_ text: String, file: String) -> Reading {
        let lines = MarkdownLines(text)
        if lines.allSatisfy(isGuideOrEmpty) { return .empty }
        let parsed = CardParser.parse(text: text, file: file)
        if !parsed.issues.isEmpty { return .problems(parsed.issues) }
        guard let card = parsed.cards.first else {
            return .problems([
                DeckIssue(
                    file: file, line: 0,
                    message: "no card: write the question on a line starting with '## ' and the answer below it")
            ])
        }
        guard parsed.cards.count == 1 else {
            let starts = parsed.cards.map { String($0.line) }.joined(separator: ", ")
            return .problems([
                DeckIssue(
                    file: file, line: parsed.cards[1].line,
                    message:
                        "\(parsed.cards.count) cards (at lines \(starts)); add one card at a time, and use '### ' for a heading inside an answer"
                )
            ])
        }
        if let stray = strayLine(lines) {
            return .problems([
                DeckIssue(
                    file: file, line: stray,
                    message:
                        "'\(lines[stray - 1].prefix(40))' is outside the card and would be lost; put it below the question, and use '### ' for a heading inside an answer"
                )
            ])
        }
        return .card(NewCard(id: card.id, question: card.question, answer: card.answer, tags: card.tags))
    }

    /// A card from the command line's `--question`, `--answer` and `--tag` values; problems carry
    /// no line (there is no file), and a card that would not read back as given is refused. Never
    /// `.empty`.
    public static func card(question: String, answer: String, tags: [String]) -> Reading {
        let normalizedTags = Tags.merge(tags.flatMap(Tags.split))
        let tagLine = normalizedTags.isEmpty ? "" : "tags: \(normalizedTags.joined(separator: ", "))\n"
        let text = "## \(question)\n\(tagLine)\n\(answer)\n"
        let given = "the card"
        switch read(text, file: given) {
        case .empty:
            return .problems([DeckIssue(file: given, line: 0, message: "the question and the answer are empty")])
        case .problems(let issues):
            return .problems(issues.map { DeckIssue(file: given, line: 0, message: $0.message) })
        case .card(let card):
            guard card.answer == trimmedLines(answer) else {
                return .problems([
                    DeckIssue(
                        file: given, line: 0,
                        message:
                            "the answer would not read back as written: a first line starting with 'tags:' or a '# ' heading means something else in a deck file; reword it, and use '### ' for headings"
                    )
                ])
            }
            return .card(card)
        }
    }

    /// Blank lines, level-1 headings (the guide), and a question or tags line with nothing written.
    private static func isGuideOrEmpty(_ line: Substring) -> Bool {
        let trimmed = line.trimmingTrailingSpace
        return line.isBlank || trimmed == "#" || trimmed.hasPrefix("# ") || trimmed == "##"
            || trimmed.hasPrefix("tags:")
    }

    /// The first non-blank line the parser would drop: text before the card, or after a level-1
    /// heading below it (fenced code blocks followed as the parser does).
    private static func strayLine(_ lines: MarkdownLines) -> Int? {
        var fence: Substring?
        var inCard = false
        for (index, line) in lines.enumerated() {
            if let open = fence {
                if MarkdownLines.closesFence(line, open: open) { fence = nil }
            } else if let opening = MarkdownLines.fenceOpening(line) {
                fence = opening
            } else if line.hasPrefix("## ") || line.trimmingTrailingSpace == "##" {
                inCard = true
                continue
            } else if line.hasPrefix("# ") || line.trimmingTrailingSpace == "#" {
                inCard = false
                continue
            }
            if !inCard && !line.isBlank { return index + 1 }
        }
        return nil
    }

    /// `text` without its leading and trailing blank lines, as the parser keeps an answer.
    private static func trimmedLines(_ text: String) -> String {
        var lines = Array(MarkdownLines(text))[...]
        while let first = lines.first, first.isBlank { lines = lines.dropFirst() }
        while let last = lines.last, last.isBlank { lines = lines.dropLast() }
        return lines.joined(separator: "\n")
    }
}
