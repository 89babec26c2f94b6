/// Tables as aligned columns: Markdown tables in cards with box-drawing rules and cells wrapped
/// when the table is wider than the screen, and the plain columns the command line prints.
public enum TableRenderer {
    /// Plain rows padded to each column's widest cell (display width: CJK characters count two),
    /// two spaces apart; the last column is not padded unless right-aligned.
    public static func columns(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let widths = columnWidths(rows.map { $0.map(DisplayWidth.of) })
        return rows.map { row in
            row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - DisplayWidth.of(cell))
                if index == row.count - 1 && !rightAligned.contains(index) { return cell }
                return rightAligned.contains(index) ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    /// The widest cell of each column; rows may be shorter than the longest one.
    static func columnWidths(_ cellWidths: [[Int]]) -> [Int] {
        var widths = Array(repeating: 0, count: cellWidths.map(\.count).max() ?? 0)
        for row in cellWidths {
            for (index, width) in row.enumerated() { widths[index] = max(widths[index], width) }
        }
        return widths
    }

    /// A table's cells (rows of styled cells, the first row the header when `hasHeader`) laid out
    /// in `width`, each cell wrapped within its column.
    static func render(cells rows: [[StyledLine]], hasHeader: Bool, width: Int) -> [StyledLine] {
        var parsed = rows
        let columns = parsed.map(\.count).max() ?? 0
        guard columns > 0 else { return [] }
        parsed = parsed.map { $0 + Array(repeating: [], count: columns - $0.count) }
        var widths = columnWidths(parsed.map { $0.map(\.width) })
        // Separators take 3 columns between cells ("│" with spaces); shrink the widest column until it fits.
        let available = max(width - 3 * (columns - 1), columns)
        while widths.reduce(0, +) > available, let widest = widths.indices.max(by: { widths[$0] < widths[$1] }),
            widths[widest] > 1
        {
            widths[widest] -= 1
        }
        var out: [StyledLine] = []
        for (r, row) in parsed.enumerated() {
            let wrapped = row.enumerated().map { c, cell in
                Wrapper.wrap(
                    cell.map { r == 0 && hasHeader ? Span($0.text, Style.strong.merged(over: $0.style)) : $0 },
                    width: max(widths[c], 1))
            }
            let height = wrapped.map(\.count).max() ?? 1
            for k in 0..<height {
                var line: StyledLine = []
                for c in 0..<columns {
                    let part = k < wrapped[c].count ? wrapped[c][k] : []
                    line += part
                    let pad = max(widths[c] - part.width, 0)
                    if c < columns - 1 {
                        line.append(Span(String(repeating: " ", count: pad) + " "))
                        line.append(Span("│", .muted))
                        line.append(Span(" "))
                    }
                }
                out.append(MarkdownRenderer.hardCut(line, width: width))
            }
            if r == 0 && hasHeader {
                let rule = widths.enumerated().map { c, w in
                    String(repeating: "─", count: w + (c == 0 || c == columns - 1 ? 1 : 2))
                }
                out.append([Span(String(rule.joined(separator: "┼").prefix(width)), .muted)])
            }
        }
        return out
    }
}
