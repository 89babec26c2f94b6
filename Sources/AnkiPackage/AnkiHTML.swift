/// Converting card text between Recall's Markdown and the HTML in Anki's fields.
public enum AnkiHTML {
    /// Markdown rendered to HTML by cmark-gfm, as the review screen reads it. A one-paragraph text
    /// loses its `<p>` wrapper, so a question shows in Anki as a line rather than a paragraph.
    /// Raw HTML other than `<br>`, `<sup>`, `<sub>` and `<u>` shows as text; formulas are kept.
    public static func html(fromMarkdown markdown: String) -> String {
        MarkdownRenderer.render(markdown)
    }

    /// Anki field HTML (read by libxml2's HTML parser) turned into Markdown that cmark-gfm renders
    /// back to the same content: paragraphs, line breaks, bold, italic, strikethrough, code, code
    /// blocks, lists, tables, links, images, super- and subscripts; other tags are dropped with
    /// their text kept (script and style with their content). Text that Markdown would read as
    /// syntax is escaped; formulas are written as they are.
    public static func markdown(fromHTML html: String) -> String {
        var builder = MarkdownBuilder()
        for token in HTMLDocument.tokens(normalized(html)) { builder.take(token) }
        return builder.finish()
    }

    /// The HTML with NULs dropped, which would make the deck file written from the Markdown one that
    /// reads as binary, and with CR LF and a lone CR read as LF, as HTML reads them: a CR left at a
    /// line end in a code block was taken for part of a CR LF line end by the deck parser, and the
    /// card read back changed (found by Fuzz/). A reference to character 0 (`&#0;`, `&#x00;`) is
    /// the replacement character, as in HTML5 (libxml2 would drop it).
    static func normalized(_ html: String) -> String {
        var out = String.UnicodeScalarView()
        var afterCR = false
        for scalar in html.unicodeScalars where scalar != "\u{0}" {
            defer { afterCR = scalar == "\r" }
            if scalar == "\n" && afterCR { continue }
            out.append(scalar == "\r" ? "\n" : scalar)
        }
        guard html.contains("&#") else { return String(out) }
        return String(out).replacing(/&#(?:[xX]0+|0+);/, with: "&#xFFFD;")
    }

    /// The text of an HTML fragment without tags, entities decoded, whitespace collapsed.
    public static func plainText(_ html: String) -> String {
        var text = ""
        for token in HTMLDocument.tokens(normalized(html)) {
            switch token {
            case .text(let value): text += value
            case .open(let name, _) where name == "br" || name == "div" || name == "p": text += " "
            default: break
            }
        }
        return text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
