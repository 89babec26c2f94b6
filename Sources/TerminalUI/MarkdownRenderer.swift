import Foundation

/// Markdown to styled terminal lines at a given width, from cmark-gfm's parse (`MarkdownNode`):
/// headings, paragraphs with inline styles, nested lists, block quotes, fenced code, tables and
/// rules. Every line it returns fits `width` display columns. Prose is re-flowed to the width;
/// code never is: every space of a code line is kept, and a line too wide ends in `…`.
public enum MarkdownRenderer {
    public static func render(_ markdown: String, width: Int) -> [StyledLine] {
        var lines = blocks(MarkdownNode.parse(markdown).children, width: max(width, 8))
        while let last = lines.last, last.isEmpty { lines.removeLast() }
        return lines
    }

    /// Blocks one after another, a blank line between them (none between the items of a tight list).
    static func blocks(_ nodes: [MarkdownNode], width: Int, tight: Bool = false) -> [StyledLine] {
        var out: [StyledLine] = []
        for node in nodes {
            let lines = block(node, width: width)
            if lines.isEmpty { continue }
            if !tight, let last = out.last, !last.isEmpty { out.append([]) }
            out += lines
        }
        return out
    }

    static func block(_ node: MarkdownNode, width: Int) -> [StyledLine] {
        switch node.kind {
        case .paragraph:
            return inlineLines(node.children, base: .plain).flatMap { Wrapper.wrap($0, width: width) }
        case .heading:
            return inlineLines(node.children, base: .heading).flatMap { Wrapper.wrap($0, width: width) }
        case .codeBlock(let language):
            return code(node.literal, language: language, width: width)
        case .htmlBlock:
            return code(node.literal, language: "", width: width)
        case .thematicBreak:
            return [[Span(String(repeating: "─", count: width), .muted)]]
        case .blockQuote:
            let bar = Span("│ ", .muted)
            return blocks(node.children, width: max(width - 2, 1)).map { line in
                [bar] + line.map { Span($0.text, Style.quote.merged(over: $0.style)) }
            }
        case .list(let ordered, let start, let tight):
            return list(node.children, ordered: ordered, start: start, tight: tight, width: width)
        case .table:
            return table(node, width: width)
        default:
            return blocks(node.children, width: width)
        }
    }

    /// Fenced or indented code: each line as written (tabs as four spaces), coloured, indented two
    /// columns, cut with `…` when wider than the screen: never re-flowed, which would move code.
    static func code(_ text: String, language: String, width: Int) -> [StyledLine] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines.map { line in
            let coloured = SyntaxHighlighter.highlight(line.replacingTabs, language: language)
            return cut([Span("  ")] + coloured, width: width)
        }
    }

    static func list(_ items: [MarkdownNode], ordered: Bool, start: Int, tight: Bool, width: Int) -> [StyledLine] {
        var out: [StyledLine] = []
        for (index, item) in items.enumerated() {
            let marker = ordered ? "\(start + index)." : "•"
            let gutter = DisplayWidth.of(marker) + 1
            var lines = blocks(item.children, width: max(width - gutter, 1), tight: tight)
            // A nested list's bullets are hollow, so depth shows without more indentation.
            lines = lines.map { $0.map { $0.text == "• " && $0.style == .accent ? Span("◦ ", .accent) : $0 } }
            if !tight, !out.isEmpty { out.append([]) }
            for (number, line) in lines.enumerated() {
                let lead =
                    number == 0
                    ? Span(marker + " ", .accent) : Span(String(repeating: " ", count: gutter))
                out.append(line.isEmpty ? [] : [lead] + line)
            }
            if lines.isEmpty { out.append([Span(marker, .accent)]) }
        }
        return out
    }

    static func table(_ node: MarkdownNode, width: Int) -> [StyledLine] {
        let rows = node.children.filter {
            if case .tableRow = $0.kind { return true }
            return false
        }
        let header =
            rows.first.map { row -> Bool in
                if case .tableRow(let isHeader) = row.kind { return isHeader }
                return false
            } ?? false
        let cells = rows.map { row in row.children.map { inlineLines($0.children, base: .plain).joinedWithSpaces } }
        return TableRenderer.render(cells: cells, hasHeader: header, width: width)
    }

    // MARK: - Inlines

    /// A block's inlines as lines: a hard break (`\` or two spaces at a line end, `<br>`) starts a
    /// new one; a soft break is a space, or nothing between two CJK characters.
    static func inlineLines(_ nodes: [MarkdownNode], base: Style) -> [StyledLine] {
        var lines: [StyledLine] = [[]]
        func append(_ nodes: [MarkdownNode], _ style: Style) {
            for node in nodes {
                switch node.kind {
                case .text: lines[lines.count - 1].append(Span(node.literal, style))
                case .code: lines[lines.count - 1].append(Span(node.literal, Style.code.merged(over: style)))
                case .softBreak:
                    if let last = lines[lines.count - 1].last?.text.last, DisplayWidth.of(last) == 2,
                        let next = firstCharacter(after: node, in: nodes), DisplayWidth.of(next) == 2
                    {
                        continue
                    }
                    lines[lines.count - 1].append(Span(" ", style))
                case .lineBreak: lines.append([])
                case .htmlInline:
                    if isLineBreakTag(node.literal) {
                        lines.append([])
                    } else {
                        lines[lines.count - 1].append(Span(node.literal, Style.muted.merged(over: style)))
                    }
                case .emphasis: append(node.children, Style.emphasis.merged(over: style))
                case .strong: append(node.children, Style.strong.merged(over: style))
                case .strikethrough: append(node.children, Style.muted.merged(over: style))
                case .link(let url) where Self.isAudio(url):
                    // A placeholder naming the file; the review screen's `m` plays it.
                    lines[lines.count - 1].append(
                        Span("[audio: \(Self.fileName(url))]", Style.muted.merged(over: style)))
                case .link(let url):
                    append(node.children, Style(underline: true).merged(over: style))
                    // The target is part of what the card says: shown unless the text is the URL.
                    if !url.isEmpty, plainText(node.children) != url, "mailto:" + plainText(node.children) != url {
                        lines[lines.count - 1].append(Span(" (\(url))", Style.muted.merged(over: style)))
                    }
                case .image(let url):
                    // A placeholder naming the file (the review screen's `m` opens it), and its alt text.
                    let alt = plainText(node.children)
                    let name = Self.fileName(url)
                    lines[lines.count - 1].append(
                        Span(
                            "[image: \(name)\(alt.isEmpty || alt == name ? "" : " — " + alt)]",
                            Style.muted.merged(over: style)))
                default: append(node.children, style)
                }
            }
        }
        append(nodes, base)
        return lines
    }

    static let audioExtensions: Set<String> = ["mp3", "ogg", "oga", "opus", "wav", "m4a", "flac", "aac"]

    /// A link to a local audio file (no scheme), which the screen shows as a placeholder.
    static func isAudio(_ url: String) -> Bool {
        !url.contains(":") && audioExtensions.contains((fileName(url) as NSString).pathExtension.lowercased())
    }

    /// The last part of a link's target, %-escapes decoded: the name a placeholder shows.
    static func fileName(_ url: String) -> String {
        let last = url.split(separator: "/").last.map(String.init) ?? url
        return last.removingPercentEncoding ?? last
    }

    private static func firstCharacter(after node: MarkdownNode, in nodes: [MarkdownNode]) -> Character? {
        guard let index = nodes.firstIndex(of: node), index + 1 < nodes.count else { return nil }
        return plainText([nodes[index + 1]]).first
    }

    static func plainText(_ nodes: [MarkdownNode]) -> String {
        nodes.map { node in
            switch node.kind {
            case .text, .code: node.literal
            case .softBreak, .lineBreak: " "
            default: plainText(node.children)
            }
        }.joined()
    }

    static func isLineBreakTag(_ html: String) -> Bool {
        let tag = html.lowercased().filter { $0 != " " }
        return tag == "<br>" || tag == "<br/>"
    }

    /// Cuts a line wider than `width`, ending it with a muted `…` so the cut shows.
    static func cut(_ line: StyledLine, width: Int) -> StyledLine {
        guard line.width > width else { return line }
        return hardCut(line, width: width - 1) + [Span("…", .muted)]
    }

    /// Cuts a line that still exceeds the width.
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

extension [StyledLine] {
    /// Lines of one table cell as one line (a cell cannot hold a line break in GitHub's tables).
    var joinedWithSpaces: StyledLine {
        enumerated().flatMap { index, line in index == 0 ? line : [Span(" ")] + line }
    }
}

extension String {
    var replacingTabs: String { replacingOccurrences(of: "\t", with: "    ") }
}
