import Foundation
import Spawning

/// The side-by-side table (Recall, Anki, the floor, the ratios) and its JSON and Markdown files.
public struct CompareReport: Codable, Sendable {
    public var date: String
    public var machine: String
    public var cores: Int
    public var versions: [String: String]
    public var rows: [AnkiCompare.Row]

    public init(rows: [AnkiCompare.Row], versions: [String: String]) {
        self.rows = rows
        self.versions = versions
        date = ISO8601DateFormatter().string(from: Date())
        machine = BenchReport.cpuName()
        cores = ProcessInfo.processInfo.activeProcessorCount
    }

    public var table: String {
        func ms(_ s: Measure.Summary?) -> String {
            guard let s else { return "" }
            return BenchReport.format(s.median) + " (" + BenchReport.format(s.min) + "–" + BenchReport.format(s.max)
                + ")"
        }
        var lines: [[String]] = [
            ["workload", "Recall ms", "Anki ms", "floor ms", "Anki÷Recall", "Recall÷floor", "target", ""]
        ]
        for row in rows {
            var target: [String] = []
            if let t = row.targetSpeedup { target.append(t == 1 ? "no slower" : String(format: "≥ %.0f×", t)) }
            if let f = row.floorLimit { target.append(String(format: "≤ %.0f× floor", f)) }
            lines.append([
                row.workload, ms(row.recall), ms(row.anki), ms(row.floor),
                row.speedup.map { String(format: "%.2f×", $0) } ?? "",
                row.overFloor.map { String(format: "%.2f×", $0) } ?? "",
                target.joined(separator: ", "), row.meetsTarget.map { $0 ? "ok" : "MISS" } ?? "",
            ])
            if let note = row.note { lines.append(["  " + note, "", "", "", "", "", "", ""]) }
        }
        var widths = Array(repeating: 0, count: lines[0].count)
        for line in lines { for (i, cell) in line.enumerated() { widths[i] = max(widths[i], cell.count) } }
        let header =
            "Recall vs Anki — \(machine), \(cores) cores; "
            + versions.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        return header + "\n"
            + lines.map { line in
                line.enumerated().map { i, cell in cell + String(repeating: " ", count: widths[i] - cell.count) }
                    .joined(separator: "  ")
            }.joined(separator: "\n")
    }

    public func write(to folder: URL, name: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try BenchReport.save(encoder.encode(self), table: table, in: folder, name: name)
    }

    /// Versions of the tools compared, read from the tools themselves.
    public static func versions(python: URL) -> [String: String] {
        func first(_ path: String, _ args: [String]) -> String {
            let output = Spawn.standardOutput(path, args) ?? ""
            return output.split(separator: "\n").first.map(String.init) ?? "?"
        }
        return [
            "swift": first("/usr/bin/env", ["swift", "--version"]).replacingOccurrences(of: "Swift version ", with: ""),
            "sqlite": BenchReport.sqliteVersion(),
            "anki": first(python.path, ["-c", "import anki.buildinfo; print(anki.buildinfo.version)"]),
        ]
    }
}
