import Foundation

/// Markdown to styled terminal lines at a given width: headings, paragraphs with inline styles,
/// nested lists, block quotes, fenced code with colouring, tables and rules. Every line it returns
/// fits `width` display columns.
public enum MarkdownRenderer {
    public static func render(_ markdown: String, width: Int) -> [StyledLine] {
        let width = max(width, 8)
        var out: [StyledLine] = []
        let lines = markdown.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
            .map(String.init)
        var i = 0
        var paragraph: [String] = []
        var inList = false  // the last block was a list item: no blank line between items

        func separate() {
            if let last = out.last, !last.isEmpty { out.append([]) }
        }
        func flushParagraph() {
            guard !paragraph.isEmpty else { return }
            separate()
            out += Wrapper.wrap(InlineMarkdown.parse(joinLines(paragraph)), width: width)
            paragraph = []
        }

        while i < lines.count {
            let line = lines[i]
            let trimmed = line.trimmingLeadingSpaces
            if trimmed.isEmpty {
                flushParagraph()
                i += 1
                continue
            }
            let isListItem = listItem(line) != nil
            defer { inList = isListItem }
            if let fence = fenceMarker(trimmed) {
                flushParagraph()
                separate()
                let language = String(trimmed.dropFirst(fence.count)).trimmingLeadingSpaces
                i += 1
                while i < lines.count, !lines[i].trimmingLeadingSpaces.hasPrefix(fence) {
                    let code = SyntaxHighlighter.highlight(lines[i].replacingTabs, language: language)
                    out += Wrapper.wrap(code, width: width, prefix: [Span("  ")], continuation: [Span("  ")])
                        .map { hardCut($0, width: width) }
                    i += 1
                }
                i += 1  // the closing fence
                continue
            }
            if let level = headingLevel(trimmed) {
                flushParagraph()
                separate()
                let text = String(trimmed.dropFirst(level + 1))
                out += Wrapper.wrap(InlineMarkdown.parse(text, base: .heading), width: width)
                i += 1
                continue
            }
            if isRule(trimmed) {
                flushParagraph()
                out.append([Span(String(repeating: "─", count: width), .muted)])
                i += 1
                continue
            }
            if trimmed.hasPrefix("|") {
                flushParagraph()
                separate()
                var rows: [String] = []
                while i < lines.count, lines[i].trimmingLeadingSpaces.hasPrefix("|") {
                    rows.append(lines[i].trimmingLeadingSpaces)
                    i += 1
                }
                out += TableRenderer.render(rows: rows, width: width)
                continue
            }
            if trimmed.hasPrefix(">") {
                flushParagraph()
                separate()
                var quoted: [String] = []
                while i < lines.count, lines[i].trimmingLeadingSpaces.hasPrefix(">") {
                    quoted.append(String(lines[i].trimmingLeadingSpaces.dropFirst()).trimmingLeadingSpaces)
                    i += 1
                }
                let bar = [Span("│ ", .muted)]
                out += Wrapper.wrap(
                    InlineMarkdown.parse(joinLines(quoted), base: .quote), width: width, prefix: bar, continuation: bar)
                continue
            }
            if let item = listItem(line) {
                flushParagraph()
                if !inList { separate() }
                var text = item.text
                i += 1
                // Continuation lines of the same item (indented, not a new item).
                while i < lines.count, !lines[i].trimmingLeadingSpaces.isEmpty, listItem(lines[i]) == nil,
                    lines[i].hasPrefix("  ")
                {
                    text += " " + lines[i].trimmingLeadingSpaces
                    i += 1
                }
                let indent = String(repeating: " ", count: min(item.indent, width / 2))
                let bullet = indent + item.marker + " "
                out += Wrapper.wrap(
                    InlineMarkdown.parse(text), width: width, prefix: [Span(bullet, .accent)],
                    continuation: [Span(String(repeating: " ", count: DisplayWidth.of(bullet)))])
                continue
            }
            paragraph.append(trimmed)
            i += 1
        }
        flushParagraph()
        while let last = out.last, last.isEmpty { out.removeLast() }
        return out
    }

    /// Joins soft-wrapped source lines: with a space between Latin text, without one between CJK.
    static func joinLines(_ lines: [String]) -> String {
        var result = ""
        for line in lines {
            if let last = result.last, let first = line.first,
                !(DisplayWidth.of(last) == 2 && DisplayWidth.of(first) == 2)
            {
                result += " "
            }
            result += line
        }
        return result
    }

    static func fenceMarker(_ line: String) -> String? {
        for marker in ["```", "~~~"] where line.hasPrefix(marker) {
            return String(line.prefix(while: { $0 == marker.first }))
        }
        return nil
    }

    static func headingLevel(_ line: String) -> Int? {
        let hashes = line.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return hashes
    }

    static func isRule(_ line: String) -> Bool {
        let compact = line.filter { $0 != " " }
        guard compact.count >= 3, let first = compact.first, "-*_".contains(first) else { return false }
        return compact.allSatisfy { $0 == first }
    }

    struct ListItem {
        var indent: Int
        var marker: String
        var text: String
    }

    static func listItem(_ line: String) -> ListItem? {
        let indent = line.prefix(while: { $0 == " " }).count
        let rest = line.dropFirst(indent)
        if let first = rest.first, "-*+".contains(first), rest.dropFirst().first == " " {
            return ListItem(indent: indent, marker: indent >= 2 ? "◦" : "•", text: String(rest.dropFirst(2)))
        }
        let digits = rest.prefix(while: { $0.isNumber })
        if !digits.isEmpty, digits.count <= 3 {
            let after = rest.dropFirst(digits.count)
            if let dot = after.first, dot == "." || dot == ")", after.dropFirst().first == " " {
                return ListItem(indent: indent, marker: digits + ".", text: String(after.dropFirst(2)))
            }
        }
        return nil
    }

    /// Cuts a line that still exceeds the width (code with a long token).
    static func hardCut(_ line: StyledLine, width: Int) -> StyledLine {
        guard line.width > width else { return line }
        var out: StyledLine = []
        var used = 0
        for span in line {
            var text = ""
            for character in span.text {
                let w = DisplayWidth.of(character)
                if used + w > width { break }
                text.append(character)
                used += w
            }
            if !text.isEmpty { out.append(Span(text, span.style)) }
            if used >= width { break }
        }
        return out
    }
}

extension String {
    var trimmingLeadingSpaces: String { String(drop(while: { $0 == " " || $0 == "\t" })) }
    var replacingTabs: String { replacingOccurrences(of: "\t", with: "    ") }
}
