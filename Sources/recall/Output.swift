import Foundation
import TerminalUI

/// Printing helpers: the one JSON encoder of every `--json` report, stderr lines, one-line excerpts.
/// Tables are `TableRenderer.columns`.
enum Output {
    /// Prints `value` as one JSON document (keys sorted, so output is stable).
    static func json<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        FileHandle.standardOutput.write(data)
        FileHandle.standardOutput.write(Data("\n".utf8))
    }

    /// Writes `text` to stdout as it is. `print` would first look up, at run time, how to print a
    /// value, which costs a quick command's start-up more than the writing.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { FileHandle.standardOutput.write(Data(buffer: $0)) }
    }

    static func error(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// The first line of a Markdown text, cut to `width` columns.
    static func oneLine(_ text: String, width: Int = 60) -> String {
        let line = text.split(separator: "\n").first.map(String.init) ?? ""
        var out = ""
        var used = 0
        for character in line {
            let w = DisplayWidth.of(String(character))
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
