import AnkiPackage
import DeckFormat
import FuzzSupport

/// An Anki field's HTML through `AnkiHTML.markdown(fromHTML:)` (what `recall import` does to every
/// field of a package) and `AnkiHTML.plainText`. Properties:
/// - never traps;
/// - the Markdown, written as a card's answer the way the Anki import writes deck files, reads back
///   as exactly that card with exactly that answer, and the card after it intact (no heading or
///   fence in a field can split a card or swallow the next one);
/// - the Markdown never starts with `tags:` (it would be the card's tags line);
/// - Markdown → HTML → Markdown (`f`) on the converter's own output `m` is stable after one pass,
///   `f(f(m)) == f(m)`, when `f(m)` holds none of `` *_`~[]<>\!| ``, no line break inside a
///   paragraph, no indented line, no control character and no line starting with a combining mark
///   (why, and why not `f(m) == m`: at the check).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzAnkiHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let html = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    _ = AnkiHTML.plainText(html)
    let markdown = AnkiHTML.markdown(fromHTML: html)
    guard !markdown.isEmpty else { return 0 }

    // A leading "tags:" would be the card's tags line: the converter writes it `tags\:`.
    require(!markdown.hasPrefix("tags:"), "a leading tags: line:\n\(markdown)")
    let answer = markdown
    let file = "## Question {#q}\n\n\(answer)\n\n## Next {#next}\n\nNext answer.\n"
    let parsed = CardParser.parse(data: Array(file.utf8), file: "deck.md")
    require(parsed.issues.isEmpty, "issues: \(parsed.issues)")
    require(parsed.cards.map(\.id) == ["q", "next"], "cards \(parsed.cards.map(\.id)) from:\n\(file)")
    require(parsed.cards.first?.answer == answer, "answer changed:\n\(answer)\n→\n\(parsed.cards.first?.answer ?? "")")
    require(parsed.cards.last?.answer == "Next answer.", "the next card changed:\n\(file)")

    // Markdown → HTML → Markdown (`f`). Not checked as `f(m) == m`: the converter escapes only what
    // Markdown would read as syntax, judged piece by piece, and some HTML has no Markdown spelling
    // that cmark-gfm reads back as the same tree (lists nested without a parent item, `<ul><ul>`,
    // are written indented and read as lazy continuations; some control characters U+0080…U+009F
    // and a line starting with a combining mark change how a line reads; a bare URL becomes an
    // autolink). What holds: for Markdown without escapes or syntax characters, indented lines,
    // controls or lines starting with a combining mark (paragraphs, hard-broken lines, flat lists,
    // entities), one pass reaches a fixpoint, `f(f(m)) == f(m)`.
    // A line starting `+ ` is a list item, which the converter writes `- ` (a field's literal `+`
    // there is escaped, but an empty `<b></b>` before it once hid it).
    func startsPlusItem(_ line: Substring) -> Bool {
        let rest = line.drop(while: { $0 == " " })
        return rest == "+" || rest.hasPrefix("+ ") || rest.hasPrefix("+\t")
    }
    func roundTrip(_ text: String) -> String { AnkiHTML.markdown(fromHTML: AnkiHTML.html(fromMarkdown: text)) }
    let once = roundTrip(markdown)
    // A line break inside a paragraph is written as a hard break (`\` at the line's end), which
    // the check below leaves out with every escape: only paragraph breaks and list items remain.
    let lines = once.split(separator: "\n", omittingEmptySubsequences: false)
    // Only a real ordered item (`1. `, `2) `) starts a line of its own; a line merely starting with
    // a digit is a soft break too (found: `wo\` then `1…`).
    func startsOrderedItem(_ line: Substring) -> Bool {
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        let rest = line.dropFirst(digits.count)
        return !digits.isEmpty && (rest.hasPrefix(". ") || rest.hasPrefix(") "))
    }
    let softBreak = zip(lines, lines.dropFirst()).contains { line, next in
        !line.isEmpty && !next.isEmpty && !next.hasPrefix("- ") && !startsOrderedItem(next)
    }
    guard !softBreak else { return 0 }
    guard !once.contains(where: { "*_`~[]<>\\!|".contains($0) }), !once.contains("\n "),
        !once.unicodeScalars.contains(where: { $0 != "\n" && $0.properties.generalCategory == .control }),
        !once.split(separator: "\n").contains(where: { $0.unicodeScalars.first?.properties.isGraphemeExtend == true }),
        !once.split(separator: "\n").contains(where: startsPlusItem)
    else { return 0 }
    let twice = roundTrip(once)
    require(twice == once, "Markdown → HTML → Markdown not idempotent:\n\(markdown)\n→\n\(once)\n→\n\(twice)")
    return 0
}

@_cdecl("fuzz_anki_html_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzzAnkiHTML)
}
