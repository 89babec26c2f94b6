/// Builds Markdown from HTML tokens (see `AnkiHTML.markdown(fromHTML:)`).
struct MarkdownBuilder {
    private var out = ""
    /// Newlines owed before the next content: 1 for a line break, 2 for a new paragraph.
    private var pendingBreak = 0
    /// A list marker ("- ", "2. ") to write before the next content.
    private var pendingMarker: String?
    private var lists: [(ordered: Bool, next: Int)] = []
    private var links: [String?] = []
    /// Inside `<pre>`: its raw text, and the language named by an inner `<code class="language-x">`.
    private var pre: (text: String, language: String)?
    /// Inside `<code>` (outside `<pre>`): its text so far, and how many `<code>` are open; the
    /// span is written when the outermost one closes, with delimiters its text cannot close.
    private var codeSpan: (text: String, depth: Int)?
    /// Where the line being written starts in `out` (UTF-8 offset), and whether its start is known
    /// to be safe (see `escapeLineStart`).
    private var lineStart = 0
    private var lineSettled = false
    /// Where the content of the line being written starts, after its list marker or indentation.
    private var contentStart = 0
    /// The next line break owed is a line of the same paragraph: written as a hard break (`\`).
    private var hardBreak = false
    /// Inside a table: its rows so far and the cell being written (a builder of its own).
    private var table: TableState?
    /// This builder writes one table cell: a table inside it is flattened into text.
    private var inCell = false
    /// Markers (`**`, `*`, `~~`, `<sup>`, `<sub>`, `<u>`) of the elements open now, outermost
    /// first, and whether they are open in the line being written: emphasis cannot span lines of
    /// Markdown, so each line break closes them and the next text opens them again. An element
    /// inside one of its own kind (`<b><b>`) adds no marker (`****` is no emphasis).
    private var openMarkers: [String] = []
    private var markersInOut = false
    private var repeatedMarkers: [String: Int] = [:]

    struct TableState {
        var rows: [[String]] = []
        var cell: [MarkdownBuilder] = []
        /// Tables nested in this one's cells.
        var nested = 0
    }

    init(inCell: Bool = false) { self.inCell = inCell }

    private static let paragraphTags: Set<String> = [
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "table", "ul", "ol", "dl", "section", "article",
    ]
    private static let lineTags: Set<String> = ["div", "tr", "dt", "dd", "li", "center", "figure", "figcaption"]

    mutating func take(_ token: HTMLToken) {
        if pre != nil {
            takeInPre(token)
            return
        }
        if table != nil {
            takeInTable(token)
            return
        }
        if codeSpan != nil {
            takeInCode(token)
            return
        }
        switch token {
        case .text(let text): write(text)
        case .open(let name, let attributes): open(name, attributes)
        case .close(let name): close(name)
        }
    }

    private mutating func takeInPre(_ token: HTMLToken) {
        switch token {
        case .text(let text): pre?.text += text
        case .open("br", _): pre?.text += "\n"
        case .open("code", let attributes):
            if let language = attributes["class"]?.split(separator: " ").first(where: { $0.hasPrefix("language-") }) {
                // Only a name: a newline or fence character here would end the fence line early.
                pre?.language = String(
                    language.dropFirst("language-".count).prefix { $0.isLetter || $0.isNumber || "+#._-".contains($0) })
            }
        case .close("pre"):
            guard let block = pre else { return }
            pre = nil
            var body = block.text
            while body.hasSuffix("\n") { body.removeLast() }
            breakBefore(2)
            let fence = Self.fence(for: body)
            emit(fence + block.language + "\n" + body + "\n" + fence, escape: false, code: true)
            breakBefore(2)
        default: break
        }
    }

    /// A table's tokens: rows and cells are collected, each cell written by a builder of its own,
    /// and the table is written as a GFM table when it closes.
    private mutating func takeInTable(_ token: HTMLToken) {
        guard var state = table else { return }
        defer { if table != nil { table = state } }
        func endCell() {
            guard var cell = state.cell.popLast() else { return }
            if state.rows.isEmpty { state.rows.append([]) }
            state.rows[state.rows.count - 1].append(cell.finishCell())
        }
        if state.nested == 0 {
            switch token {
            case .open("tr", _):
                endCell()
                state.rows.append([])
                return
            case .open("td", _), .open("th", _):
                endCell()
                state.cell = [MarkdownBuilder(inCell: true)]
                return
            case .close("td"), .close("th"), .close("tr"):
                endCell()
                return
            case .close("table"):
                endCell()
                table = nil
                writeTable(state.rows.filter { !$0.isEmpty })
                return
            case .open(let name, _), .close(let name):
                if ["thead", "tbody", "tfoot", "caption", "colgroup", "col"].contains(name) { return }
            case .text(let text):
                if state.cell.isEmpty && text.allSatisfy(\.isWhitespace) { return }
            }
        }
        if case .open("table", _) = token { state.nested += 1 }
        if case .close("table") = token { state.nested = max(state.nested - 1, 0) }
        if state.cell.isEmpty { state.cell = [MarkdownBuilder(inCell: true)] }
        state.cell[0].take(token)
    }

    /// The rows as a GFM table; the first row is its header (a GFM table has one).
    private mutating func writeTable(_ rows: [[String]]) {
        guard let width = rows.map(\.count).max(), width > 0 else { return }
        func line(_ cells: [String]) -> String {
            "| " + (cells + Array(repeating: "", count: width - cells.count)).joined(separator: " | ") + " |"
        }
        let indent = String(repeating: "  ", count: min(lists.count, 1))
        var lines = [line(rows[0]), line(Array(repeating: "---", count: width))]
        lines += rows.dropFirst().map(line)
        breakBefore(2)
        emit(lines.joined(separator: "\n" + indent), escape: false, code: true)
        breakBefore(2)
    }

    /// A cell's Markdown on one line: its lines joined by `<br>`, a hard break's `\` dropped.
    mutating func finishCell() -> String {
        finish().split(separator: "\n").map { line in
            var line = line
            if line.reversed().prefix(while: { $0 == "\\" }).count % 2 == 1 { line.removeLast() }
            return String(line)
        }.joined(separator: "<br>")
    }

    /// Inside a code span its text is kept (whitespace collapsed, a line break a space, as a code
    /// span shows it); tags inside it would show as text in Markdown, so they are left out.
    private mutating func takeInCode(_ token: HTMLToken) {
        guard var span = codeSpan else { return }
        switch token {
        case .text(let text): span.text += text
        case .open("code", _): span.depth += 1
        case .close("code"): span.depth -= 1
        case .open(let name, _) where name == "br" || Self.lineTags.contains(name) || Self.paragraphTags.contains(name):
            span.text += " "
        default: break
        }
        guard span.depth == 0 else {
            codeSpan = span
            return
        }
        codeSpan = nil
        writeCodeSpan(span.text)
    }

    /// A code span: delimited by one backtick more than the longest run in its text, padded with
    /// a space where its text starts or ends with a backtick (or with spaces on both sides, which
    /// Markdown would strip). In a table cell a `|` is written `\|`, which GFM reads as `|` there.
    private mutating func writeCodeSpan(_ raw: String) {
        var text = ""
        var lastSpace = false
        for scalar in raw.unicodeScalars {
            let space = scalar.properties.isWhitespace && scalar != "\u{a0}"
            if space && lastSpace { continue }
            text.unicodeScalars.append(space ? " " : scalar)
            lastSpace = space
        }
        guard !text.allSatisfy({ $0 == " " }) else {
            if !text.isEmpty { write(" ") }
            return
        }
        var longest = 0
        var run = 0
        for character in text {
            run = character == "`" ? run + 1 : 0
            longest = max(longest, run)
        }
        let delimiter = String(repeating: "`", count: longest + 1)
        let pad = text.hasPrefix("`") || text.hasSuffix("`") || (text.hasPrefix(" ") && text.hasSuffix(" ")) ? " " : ""
        if inCell { text = text.replacingOccurrences(of: "|", with: "\\|") }
        emit(delimiter + pad + text + pad + delimiter, escape: false)
    }

    /// A fence no line of `body` can close: ``` unless the body holds one, else tildes, one more
    /// than the body's longest run of them (a closing fence is any line of as many or more).
    static func fence(for body: String) -> String {
        guard body.contains("```") else { return "```" }
        var longest = 0
        var run = 0
        for character in body {
            run = character == "~" ? run + 1 : 0
            longest = max(longest, run)
        }
        return String(repeating: "~", count: max(3, longest + 1))
    }

    private mutating func open(_ name: String, _ attributes: [String: String]) {
        switch name {
        case "br":
            breakBefore(1, force: true)
            hardBreak = true
        case "pre":
            pre = ("", "")
        case "table" where !inCell:
            breakBefore(2)
            table = TableState()
        case "sup", "sub", "u": openMarker("<\(name)>")
        case "s", "strike", "del": openMarker("~~")
        case "b", "strong": openMarker("**")
        case "i", "em": openMarker("*")
        case "code": codeSpan = ("", 1)
        case "a":
            links.append(attributes["href"])
            if attributes["href"] != nil { emit("[", escape: false) }
        case "img":
            let alt = attributes["alt"] ?? ""
            if let src = attributes["src"] { emit("![\(Self.oneLine(alt))](\(Self.oneLine(src)))", escape: false) }
        case "hr":
            breakBefore(2)
            emit("---", escape: false)
            breakBefore(2)
        case "ul", "ol":
            breakBefore(lists.isEmpty ? 2 : 1)
            lists.append((name == "ol", Int(attributes["start"] ?? "") ?? 1))
        case "li":
            breakBefore(1)
            if let last = lists.indices.last {
                let indent = String(repeating: "  ", count: last)
                if lists[last].ordered {
                    pendingMarker = indent + "\(lists[last].next). "
                    lists[last].next += 1
                } else {
                    pendingMarker = indent + "- "
                }
            }
        case "td", "th": if !atLineStart && !out.hasSuffix(" ") { emit(" ", escape: false) }  // one space between cells
        default: blockEdge(name)
        }
    }

    private mutating func close(_ name: String) {
        switch name {
        case "b", "strong": closeMarker("**")
        case "i", "em": closeMarker("*")
        case "s", "strike", "del": closeMarker("~~")
        case "sup", "sub", "u": closeMarker("<\(name)>")
        case "a":
            if let href = links.popLast(), let href { emit("](\(Self.oneLine(href)))", escape: false) }
        case "ul", "ol":
            _ = lists.popLast()
            breakBefore(lists.isEmpty ? 2 : 1)
        default: blockEdge(name)
        }
    }

    /// A block element opens or closes: a paragraph's edge is a blank line, another block's a line
    /// break (a hard one, except around a list item, whose marker starts its line anyway).
    private mutating func blockEdge(_ name: String) {
        if Self.paragraphTags.contains(name) {
            breakBefore(2)
        } else if Self.lineTags.contains(name) {
            breakBefore(1)
            if name != "li" { hardBreak = true }
        }
    }

    private mutating func openMarker(_ marker: String) {
        if openMarkers.contains(marker) {
            repeatedMarkers[marker, default: 0] += 1
            return
        }
        emit(marker, escape: false)
        openMarkers.append(marker)
        markersInOut = true
    }

    /// The element of `marker` closes: its marker is closed where the line stands, unless a line
    /// break closed it already (a closing marker after a block would land on the block's last
    /// line: a fence followed by `*` closes nothing, found by a random search).
    private mutating func closeMarker(_ marker: String) {
        if let repeated = repeatedMarkers[marker], repeated > 0 {
            repeatedMarkers[marker] = repeated - 1
            return
        }
        guard let index = openMarkers.lastIndex(of: marker) else { return }
        openMarkers.remove(at: index)
        if markersInOut { writeCloser(marker) }
        if openMarkers.isEmpty { markersInOut = false }
    }

    /// Closes the open markers at a line's end, innermost first.
    private mutating func closeMarkersAtLineEnd() {
        guard markersInOut else { return }
        for marker in openMarkers.reversed() { writeCloser(marker) }
        markersInOut = false
    }

    /// Closes a marker, moving trailing spaces outside it ("**a **" is not bold); a marker with
    /// nothing after it is taken back instead.
    private mutating func writeCloser(_ marker: String) {
        var trailing = ""
        while out.hasSuffix(" ") {
            out.removeLast()
            trailing += " "
        }
        if out.hasSuffix(marker) {
            out.removeLast(marker.count)  // nothing was emphasised
            // Nothing else on the line: its spaces go too, as text's do at a line start.
            if out.utf8.dropFirst(lineStart).allSatisfy({ $0 == UInt8(ascii: " ") }) { trailing = "" }
            // The line's start may have been judged safe on that marker (`**` then `~~~` is safe,
            // `~~~` alone is not): it is judged again on what is left (found by Fuzz/).
            lineSettled = false
            escapeLineStart()
        } else {
            out += marker.hasPrefix("<") ? "</" + marker.dropFirst() : marker
        }
        out += trailing
    }

    private mutating func breakBefore(_ count: Int, force: Bool = false) {
        if count > 1 { hardBreak = false }
        if force && pendingBreak >= 1 && pendingMarker == nil {
            // Consecutive <br>s: each one is a line (up to a blank line).
            pendingBreak = min(pendingBreak + 1, 2)
            return
        }
        pendingBreak = max(pendingBreak, count)
    }

    private var atLineStart: Bool { out.isEmpty || out.hasSuffix("\n") || pendingBreak > 0 }

    /// Text: whitespace collapsed as HTML does.
    private mutating func write(_ text: String) {
        // By scalars: a combining mark on a space is one whitespace `Character`, and collapsing
        // that would drop the mark (found by Fuzz/).
        var scalars = String.UnicodeScalarView()
        var lastSpace = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace && scalar != "\u{a0}" {
                if !lastSpace { scalars.append(" ") }
                lastSpace = true
            } else {
                scalars.append(scalar)
                lastSpace = false
            }
        }
        var collapsed = String(scalars)
        if atLineStart || out.hasSuffix(" ") {
            while collapsed.hasPrefix(" ") { collapsed.removeFirst() }
        }
        guard !collapsed.isEmpty else { return }
        let atContentStart =
            pendingBreak > 0 || pendingMarker != nil
            || out.utf8.dropFirst(contentStart).allSatisfy { $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "~") }
        var text = MarkdownEscaping.escaped(collapsed, after: out.last)
        if atContentStart { text = MarkdownEscaping.escapedLineStart(text) }
        emit(text, escape: true)
    }

    /// An attribute value as part of one line: a newline in it would start a line of its own.
    private static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    /// `code`: a whole fenced code block, written as is.
    private mutating func emit(_ text: String, escape: Bool, code: Bool = false) {
        defer { if code { lineSettled = true } else { escapeLineStart() } }
        var text = text
        if pendingBreak > 0 || pendingMarker != nil {
            closeMarkersAtLineEnd()
            if !out.isEmpty {
                while out.hasSuffix(" ") { out.removeLast() }
                // A line of the same paragraph (a `<br>`, a `<div>`'s line): Markdown would join
                // it to the one before, so it ends with a hard break.
                if pendingBreak == 1, pendingMarker == nil, !code, !out.hasSuffix("\n"), hardBreak {
                    out += "\\"
                }
                out += String(repeating: "\n", count: pendingBreak)
            }
            lineStart = out.utf8.count
            lineSettled = false
            // A code block's fence must start its line with at most three spaces before it, or the
            // deck parser reads the block's lines as Markdown (found by Fuzz/): in a nested list it
            // is indented one level only, and after a list marker it starts on the next line.
            let continuation = String(repeating: "  ", count: code ? min(lists.count, 1) : lists.count)
            if let marker = pendingMarker {
                out += marker
                if code {
                    while out.hasSuffix(" ") { out.removeLast() }
                    out += "\n" + continuation
                }
            } else if !lists.isEmpty {
                out += continuation  // a continuation line of a list item
            }
            pendingBreak = 0
            pendingMarker = nil
            hardBreak = false
            contentStart = out.utf8.count
            // A line that would start a heading or a fence in a deck file is escaped.
            if escape, text.hasPrefix("#") || text.hasPrefix("```") || text.hasPrefix("~~~") { text = "\\" + text }
        } else if escape, out.isEmpty, text.hasPrefix("#") || text.hasPrefix("```") || text.hasPrefix("~~~") {
            text = "\\" + text
        }
        if !code && !markersInOut && !openMarkers.isEmpty {
            out += openMarkers.joined()
            markersInOut = true
        }
        out += text
    }

    /// Escapes the line being written once its start reads as a heading (`#`) or a code fence (up to
    /// three spaces, then ``` or ~~~) in a deck file, however many pieces it was written in
    /// (`` ` `` then ``` `` ``` is a fence too). Checked until the start is decided, so each line
    /// costs O(1) checks.
    private mutating func escapeLineStart() {
        guard !lineSettled else { return }
        let utf8 = out.utf8
        let line = Substring(utf8[utf8.index(utf8.startIndex, offsetBy: min(lineStart, utf8.count))...])
        let indent = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(indent)
        guard indent <= 3, let first = rest.first else {
            lineSettled = indent > 3
            return
        }
        if (first == "#" && indent == 0) || rest.hasPrefix("```") || rest.hasPrefix("~~~") {
            out.insert("\\", at: rest.startIndex)
            lineSettled = true
        } else if (first != "`" && first != "~") || rest.prefix(3).count == 3 {
            lineSettled = true
        }
    }

    mutating func finish() -> String {
        func trimmed(_ line: Substring) -> Substring {
            var line = line
            while let last = line.last, last == " " || last == "\t" { line.removeLast() }
            return line
        }
        var raw = out.split(separator: "\n", omittingEmptySubsequences: false).map(trimmed)
        // A hard break owed to a line whose text was taken back (an empty emphasis) ends its
        // paragraph, where the `\` would show: it goes (text's own backslashes come in pairs).
        // Code blocks are skipped: their lines are the block's text (a text line never starts
        // with a fence: it is escaped).
        var fence: Substring?
        for index in raw.indices {
            let text = raw[index].drop { $0 == " " }
            if let open = fence {
                if text == open { fence = nil }
                continue
            }
            if text.hasPrefix("```") || text.hasPrefix("~~~") {
                fence = text.prefix { $0 == text.first }
                continue
            }
            guard index + 1 == raw.count || raw[index + 1].isEmpty else { continue }
            if raw[index].reversed().prefix(while: { $0 == "\\" }).count % 2 == 1 {
                raw[index] = trimmed(raw[index].dropLast())
            }
        }
        var lines: [Substring] = []
        var blank = 0
        for line in raw {
            if line.isEmpty {
                blank += 1
                if blank > 1 { continue }
            } else {
                blank = 0
            }
            lines.append(line)
        }
        while lines.first?.isEmpty == true { lines.removeFirst() }
        while lines.last?.isEmpty == true { lines.removeLast() }
        var markdown = lines.joined(separator: "\n")
        // A deck file reads a first answer line `tags: …` as the card's tags; `\:` shows as `:`.
        if markdown.hasPrefix("tags:") { markdown.insert("\\", at: markdown.index(markdown.startIndex, offsetBy: 4)) }
        return markdown
    }
}
