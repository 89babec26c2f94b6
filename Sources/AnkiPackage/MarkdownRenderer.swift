import Foundation
import CCmarkGFM

/// Markdown rendered to Anki's field HTML by cmark-gfm, the parser the review screen reads cards
/// with (CommonMark with GitHub's tables, strikethrough and autolinks).
enum MarkdownRenderer {
    /// Inline HTML a card may use and that stays live in Anki: line breaks, super- and subscripts,
    /// underline, without attributes. Any other HTML in a card is shown as the text it is, so a
    /// `<script>` or an `<img onerror=…>` from a deck or a package never runs in Anki.
    static let allowedTags: Set<String> = ["br", "sup", "sub", "u"]

    static func render(_ markdown: String) -> String {
        // Formulas leave the text before parsing and come back in the HTML as they were (escaped
        // as HTML): Markdown would read their backslashes and underscores.
        let formulas = Formulas.spans(in: markdown)
        var source = ""
        var last = markdown.startIndex
        for (number, span) in formulas.enumerated() {
            source += markdown[last..<span.lowerBound]
            source += placeholder(number)
            last = span.upperBound
        }
        source += markdown[last...]

        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else { return escaped(markdown) }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        var bytes = Array(source.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
        }
        guard let root = cmark_parser_finish(parser) else { return escaped(markdown) }
        defer { cmark_node_free(root) }
        makeUnlistedHTMLText(root)
        guard let rendered = cmark_render_html(root, CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser))
        else { return escaped(markdown) }
        var html = String(cString: rendered)
        free(rendered)

        while html.hasSuffix("\n") { html.removeLast() }
        // One paragraph: a question shows in Anki as a line rather than a paragraph.
        if html.hasPrefix("<p>"), html.hasSuffix("</p>"), html.components(separatedBy: "<p>").count == 2 {
            html = String(html.dropFirst(3).dropLast(4))
        }
        guard !formulas.isEmpty else { return html }
        for (number, span) in formulas.enumerated().reversed() {
            html = html.replacingOccurrences(of: placeholder(number), with: escaped(String(markdown[span])))
        }
        return html
    }

    /// Private-use characters around a number: plain text to Markdown, absent from card text.
    private static func placeholder(_ number: Int) -> String { "\u{F8F0}\(number)\u{F8F1}" }

    static func escaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// Turns every HTML node but the allowed tags into text (a block into a paragraph of text).
    private static func makeUnlistedHTMLText(_ root: OpaquePointer) {
        var found: [OpaquePointer] = []
        guard let iterator = cmark_iter_new(root) else { return }
        while cmark_iter_next(iterator) != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(node)
            if type == CMARK_NODE_HTML_INLINE || type == CMARK_NODE_HTML_BLOCK { found.append(node) }
        }
        cmark_iter_free(iterator)
        for node in found {
            let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
            if cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE && isAllowedTag(literal) { continue }
            guard let text = cmark_node_new(CMARK_NODE_TEXT) else { continue }
            var replacement = text
            if cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK {
                guard let paragraph = cmark_node_new(CMARK_NODE_PARAGRAPH) else {
                    cmark_node_free(text)
                    continue
                }
                cmark_node_append_child(paragraph, text)
                replacement = paragraph
            }
            var body = literal
            while body.hasSuffix("\n") { body.removeLast() }
            cmark_node_set_literal(text, body)
            cmark_node_replace(node, replacement)
            cmark_node_free(node)
        }
    }

    /// `<br>`, `<br/>`, `</sup>`, …: an allowed tag with no attributes.
    static func isAllowedTag(_ literal: String) -> Bool {
        guard literal.hasPrefix("<"), literal.hasSuffix(">") else { return false }
        var name = literal.dropFirst().dropLast()
        if name.hasPrefix("/") { name = name.dropFirst() }
        if name.hasSuffix("/") { name = name.dropLast() }
        return allowedTags.contains(name.trimmingCharacters(in: .whitespaces).lowercased())
    }
}
