import AnkiPackage
import DeckFormat
import FuzzSupport

/// An Anki field's HTML through `AnkiHTML.markdown(fromHTML:)` (what `recall import` does to every
/// field of a package) and `AnkiHTML.plainText`. Properties:
/// - never traps;
/// - the Markdown, written as a card's answer the way the Anki import writes deck files, reads back
///   as exactly that card with exactly that answer, and the card after it intact (no heading or
///   fence in a field can split a card or swallow the next one);
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

    // As AnkiImport.cardsMarkdown writes a card (a leading "tags:" escaped).
    let answer = markdown.hasPrefix("tags:") ? "\\" + markdown : markdown
    let file = "## Question {#q}\n\n\(answer)\n\n## Next {#next}\n\nNext answer.\n"
    let parsed = CardParser.parse(data: Array(file.utf8), file: "deck.md")
    require(parsed.issues.isEmpty, "issues: \(parsed.issues)")
    require(parsed.cards.map(\.id) == ["q", "next"], "cards \(parsed.cards.map(\.id)) from:\n\(file)")
    require(parsed.cards.first?.answer == answer, "answer changed:\n\(answer)\n→\n\(parsed.cards.first?.answer ?? "")")
    require(parsed.cards.last?.answer == "Next answer.", "the next card changed:\n\(file)")

    // Markdown → HTML → Markdown (`f`). Not exactly stable (`f(m) == m` fails), by design: the
    // converter writes readable Markdown, not escaped Markdown (and Ink 0.6 reads no backslash
    // escapes), so (1) a `<br>` becomes a single newline, which Markdown (Ink, and Recall's
    // renderer) reads as a soft break, a space; (2) a field's literal `*`, `_`, `` ` ``, `~`, `[`,
    // `<` reach Ink as Markdown syntax or raw HTML, and each pass can consume more of them
    // (`bol*****/ul>*****d**` loses stars on every pass), and `|` lines are read as a table, which
    // the converter flattens into cells joined by spaces; (3) lists nested without a parent item
    // (`<ul><ul><li>`) are written indented, and Ink reads indented lines as lazy continuations of
    // the list before them; (4) Ink reads some control characters (U+0080…U+009F) as line
    // structure, and drops a line that starts with a combining mark. What holds: for Markdown
    // without those characters, indented lines, controls or lines starting with a combining mark
    // (paragraphs, lines, flat lists, entities), one pass reaches a fixpoint,
    // `f(f(m)) == f(m)`.
    // A line starting `+ ` is a list item to Ink (and Recall), which the converter writes `- `:
    // like `*`, a field's literal `+` there is Markdown syntax (`<b></b>+ x` then `- x`).
    func startsPlusItem(_ line: Substring) -> Bool {
        let rest = line.drop(while: { $0 == " " })
        return rest == "+" || rest.hasPrefix("+ ") || rest.hasPrefix("+\t")
    }
    func roundTrip(_ text: String) -> String { AnkiHTML.markdown(fromHTML: AnkiHTML.html(fromMarkdown: text)) }
    let once = roundTrip(markdown)
    // A line break inside a paragraph (from a `<br>`, or Ink's own hard break) is read as a space
    // on the next pass: only paragraph breaks and list items are kept as lines.
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
