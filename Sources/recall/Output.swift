import Foundation
import TerminalUI

/// Printing helpers: JSON documents and aligned tables.
enum Output {
    /// Prints `value` as one JSON document (keys sorted, so output is stable).
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Columns padded to their widest cell (display width: CJK characters count two).
    static func table(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        guard let columns = rows.map(\.count).max() else { return "" }
        var widths = Array(repeating: 0, count: columns)
        for row in rows {
            for (index, cell) in row.enumerated() { widths[index] = max(widths[index], displayWidth(cell)) }
        }
        return rows.map { row in
            row.enumerated().map { index, cell in
                let pad = String(repeating: " ", count: widths[index] - displayWidth(cell))
                if index == row.count - 1 && !rightAligned.contains(index) { return cell }
                return rightAligned.contains(index) ? pad + cell : cell + pad
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }

    static func displayWidth(_ text: String) -> Int { DisplayWidth.of(text) }

    /// The first line of a Markdown text, cut to `width` columns.
    static func oneLine(_ text: String, width: Int = 60) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        var out = ""
        var used = 0
        for character in line {
            let w = displayWidth(String(character))
            if used + w > width - 1 {
                out += "…"
                break
            }
            out.append(character)
            used += w
        }
        return out
    }
}
