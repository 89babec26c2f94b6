import Foundation
import Ink

/// Converting card text between Recall's Markdown and the HTML in Anki's fields.
public enum AnkiHTML {
    /// Markdown rendered to HTML (by Ink). A one-paragraph text loses its `<p>` wrapper, so a
    /// question shows in Anki as a line rather than a paragraph.
    public static func html(fromMarkdown markdown: String) -> String {
        // An empty metadata block first: Ink takes a leading `---` … `---` for metadata and drops it,
        // and a card may start with a horizontal rule (found by Fuzz/).
        var html = MarkdownParser().html(from: "---\n---\n" + inkSafe(markdown))
        if html.hasPrefix("<p>"), html.hasSuffix("</p>"), html.components(separatedBy: "<p>").count == 2 {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return html
    }

    /// The Markdown with what Ink 0.6 cannot parse in bounded time written as entities, which show
    /// the same (both found by Fuzz/):
    /// - a `<p` with no `>` after it: Ink's paragraph reader stops there for a `<p>` block, whose
    ///   reader then fails, and neither moves on, forever. No tag can start there.
    /// - `[` nested more than three deep: each `[` is tried as a link and rewound, so the time doubles
    ///   with each level. Real links nest two deep at most (`[![image](src)](href)`).
    /// - a space with a combining mark on it, which Swift counts as one whitespace `Character`: Ink
    ///   skips it as indentation and, at the end of a list, reads past the end of the text (a trap).
    ///   A word joiner between them leaves the mark on nothing visible, as before.
    static func inkSafe(_ markdown: String) -> String {
        let tail = markdown.lastIndex(of: ">").map { markdown.index(after: $0) } ?? markdown.startIndex
        let unclosedP = markdown[tail...].contains("<p") || markdown[tail...].contains("<P")
        func isMarkedSpace(_ character: Character) -> Bool {
            character.isWhitespace && !character.isNewline && character.unicodeScalars.count > 1
        }
        guard unclosedP || markdown.contains("[") || markdown.contains(where: isMarkedSpace) else { return markdown }
        var out = ""
        var depth = 0
        var index = markdown.startIndex
        while index != markdown.endIndex {
            let character = markdown[index]
            let next = markdown.index(after: index)
            switch character {
            case "[":
                depth += 1
                out += depth > 3 ? "&#91;" : "["
            case "]":
                depth = max(depth - 1, 0)
                out.append(character)
            case "<"
            where index >= tail && next != markdown.endIndex && (markdown[next] == "p" || markdown[next] == "P"):
                out += "&lt;"
            case _ where isMarkedSpace(character):
                let scalars = character.unicodeScalars
                out.unicodeScalars.append(scalars[scalars.startIndex])
                out.unicodeScalars.append("\u{2060}")
                out.unicodeScalars.append(contentsOf: scalars.dropFirst())
            default:
                out.append(character)
            }
            index = next
        }
        return out
    }

    /// Anki field HTML turned into Markdown: paragraphs, line breaks, bold, italic, code, lists,
    /// links and images are kept; other tags are dropped with their text kept (script and style
    /// with their content); entities are decoded.
    public static func markdown(fromHTML html: String) -> String {
        var builder = MarkdownBuilder()
        for token in HTMLTokenizer(normalized(html)).tokens() { builder.take(token) }
        return builder.finish()
    }

    /// The HTML with NULs dropped, which would make the deck file written from the Markdown one that
    /// reads as binary, and with CR LF and a lone CR read as LF, as HTML reads them: a CR left at a
    /// line end in a code block was taken for part of a CR LF line end by the deck parser, and the
    /// card read back changed (found by Fuzz/).
    static func normalized(_ html: String) -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for scalar in html.unicodeScalars where scalar != "\u{0}" {
            defer { afterCR = scalar == "\r" }
            if scalar == "\n" && afterCR { continue }
            out.append(scalar == "\r" ? "\n" : scalar)
        }
        return String(out)
    }

    /// The text of an HTML fragment without tags, entities decoded, whitespace collapsed.
    public static func plainText(_ html: String) -> String {
        var text = ""
        for token in HTMLTokenizer(html).tokens() {
            switch token {
            case .text(let value): text += value
            case .open(let name, _) where name == "br" || name == "div" || name == "p": text += " "
            default: break
            }
        }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}

/// One piece of an HTML fragment.
enum HTMLToken: Equatable {
    case text(String)
    /// An opening (or self-closing) tag: lowercased name and attributes (entities decoded).
    case open(String, [String: String])
    case close(String)
}

/// A forgiving HTML tokenizer for card fields: never fails; what is not a tag is text.
struct HTMLTokenizer {
    let scalars: [Unicode.Scalar]

    init(_ html: String) { scalars = Array(html.unicodeScalars) }

    func tokens() -> [HTMLToken] {
        var tokens: [HTMLToken] = []
        var text = ""
        var i = 0
        func flushText() {
            if !text.isEmpty { tokens.append(.text(Entities.decode(text))) }
            text = ""
        }
        while i < scalars.count {
            let c = scalars[i]
            if c == "<" {
                if starts(with: "<!--", at: i) {
                    flushText()
                    i = find("-->", from: i + 4).map { $0 + 3 } ?? scalars.count
                    continue
                }
                if let (token, end) = tag(at: i) {
                    flushText()
                    // Raw-text elements: their content is not markup.
                    if case .open(let name, _) = token, name == "script" || name == "style" {
                        let close = find("</\(name)", from: end, caseInsensitive: true) ?? scalars.count
                        i = find(">", from: close).map { $0 + 1 } ?? scalars.count
                        continue
                    }
                    tokens.append(token)
                    if case .open(let name, let attributes) = token, attributes["/"] != nil,
                        !HTMLTokenizer.voidElements.contains(name)
                    {
                        tokens.append(.close(name))
                    }
                    i = end
                    continue
                }
            }
            text.unicodeScalars.append(c)
            i += 1
        }
        flushText()
        return tokens
    }

    static let voidElements: Set<String> = ["br", "img", "hr", "input", "meta", "link", "wbr"]

    private func starts(with prefix: String, at index: Int, caseInsensitive: Bool = false) -> Bool {
        var j = index
        for p in prefix.unicodeScalars {
            guard j < scalars.count else { return false }
            let s = scalars[j]
            if caseInsensitive ? Character(s).lowercased() != Character(p).lowercased() : s != p { return false }
            j += 1
        }
        return true
    }

    private func find(_ needle: String, from index: Int, caseInsensitive: Bool = false) -> Int? {
        var j = index
        while j < scalars.count {
            if starts(with: needle, at: j, caseInsensitive: caseInsensitive) { return j }
            j += 1
        }
        return nil
    }

    private func isNameScalar(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "-" || s == ":"
    }

    /// Parses a tag starting at `index` ("<"); nil when the text there is not a tag (a lone "<").
    private func tag(at index: Int) -> (HTMLToken, Int)? {
        var j = index + 1
        var closing = false
        if j < scalars.count, scalars[j] == "/" {
            closing = true
            j += 1
        }
        let nameStart = j
        guard j < scalars.count, (scalars[j] >= "a" && scalars[j] <= "z") || (scalars[j] >= "A" && scalars[j] <= "Z")
        else { return nil }
        while j < scalars.count, isNameScalar(scalars[j]) { j += 1 }
        var name = ""
        name.unicodeScalars.append(contentsOf: scalars[nameStart..<j])
        name = name.lowercased()
        var attributes: [String: String] = [:]
        while j < scalars.count {
            while j < scalars.count, Character(scalars[j]).isWhitespace { j += 1 }
            guard j < scalars.count else { return nil }
            if scalars[j] == ">" { return (closing ? .close(name) : .open(name, attributes), j + 1) }
            if scalars[j] == "/" {
                attributes["/"] = ""
                j += 1
                continue
            }
            let keyStart = j
            while j < scalars.count, !Character(scalars[j]).isWhitespace, scalars[j] != "=", scalars[j] != ">",
                scalars[j] != "/"
            {
                j += 1
            }
            var key = ""
            key.unicodeScalars.append(contentsOf: scalars[keyStart..<j])
            var value = ""
            if j < scalars.count, scalars[j] == "=" {
                j += 1
                if j < scalars.count, scalars[j] == "\"" || scalars[j] == "'" {
                    let quote = scalars[j]
                    j += 1
                    let valueStart = j
                    while j < scalars.count, scalars[j] != quote { j += 1 }
                    value.unicodeScalars.append(contentsOf: scalars[valueStart..<min(j, scalars.count)])
                    j += 1
                } else {
                    let valueStart = j
                    while j < scalars.count, !Character(scalars[j]).isWhitespace, scalars[j] != ">" { j += 1 }
                    value.unicodeScalars.append(contentsOf: scalars[valueStart..<j])
                }
            }
            if key == "/" { continue }
            attributes[key.lowercased()] = Entities.decode(value)
        }
        return nil
    }
}

/// HTML character references: numeric ones and the named ones card fields use.
enum Entities {
    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—",
        "hellip": "…", "laquo": "«", "raquo": "»", "lsquo": "‘", "rsquo": "’", "ldquo": "“", "rdquo": "”",
        "middot": "·", "times": "×", "divide": "÷", "copy": "©", "reg": "®", "deg": "°", "plusmn": "±",
        "rarr": "→", "larr": "←", "harr": "↔", "rArr": "⇒", "lArr": "⇐", "le": "≤", "ge": "≥", "ne": "≠",
        "asymp": "≈", "infin": "∞", "sum": "∑", "radic": "√", "alpha": "α", "beta": "β", "gamma": "γ",
        "delta": "δ", "lambda": "λ", "mu": "μ", "pi": "π", "sigma": "σ", "theta": "θ", "micro": "µ",
        "bull": "•", "euro": "€", "pound": "£", "yen": "¥", "sect": "§", "para": "¶", "shy": "", "zwj": "\u{200d}",
        "zwnj": "\u{200c}", "ensp": " ", "emsp": " ", "thinsp": " ",
    ]

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = text[...]
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semicolon = after.prefix(12).firstIndex(of: ";"), let value = reference(after[..<semicolon]) {
                out += value
                rest = after[after.index(after: semicolon)...]
            } else {
                out += "&"
                rest = after
            }
        }
        return out + rest
    }

    private static func reference(_ name: Substring) -> String? {
        // `&#0;` is the replacement character, as in HTML5 (a NUL cannot be in a deck file).
        func character(_ code: UInt32?) -> String? {
            code.flatMap { $0 == 0 ? "\u{FFFD}" : Unicode.Scalar($0) }.map { String(Character($0)) }
        }
        if name.hasPrefix("#x") || name.hasPrefix("#X") { return character(UInt32(name.dropFirst(2), radix: 16)) }
        if name.hasPrefix("#") { return character(UInt32(name.dropFirst())) }
        return named[String(name)]
    }
}
