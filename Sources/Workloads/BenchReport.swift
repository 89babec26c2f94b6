import Foundation
import Spawning

/// The benchmark's results as a table for the terminal and as JSON + Markdown files, with the
/// machine and versions, so runs can be compared over time.
public struct BenchReport: Codable, Sendable {
    public var date: String
    public var quick: Bool
    public var machine: String
    public var cores: Int
    public var sqlite: String
    public var figures: [Figure]

    public init(figures: [Figure], quick: Bool) {
        self.figures = figures
        self.quick = quick
        date = ISO8601DateFormatter().string(from: Date())
        machine = Self.cpuName()
        cores = ProcessInfo.processInfo.activeProcessorCount
        sqlite = Self.sqliteVersion()
    }

    public var table: String {
        var rows: [[String]] = [["figure", "median ms", "min", "max", "runs", "target ms", "", "note"]]
        for f in figures {
            let status = f.meetsTarget.map { $0 ? "ok" : "MISS" } ?? ""
            rows.append([
                f.name, Self.format(f.summary.median), Self.format(f.summary.min), Self.format(f.summary.max),
                "\(f.summary.runs)", f.targetMs.map { "< " + Self.format($0) } ?? "", status, f.note ?? "",
            ])
        }
        var widths = Array(repeating: 0, count: rows[0].count)
        for row in rows { for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) } }
        let header = "Recall benchmark — \(machine), \(cores) cores, SQLite \(sqlite)\(quick ? " (quick)" : "")"
        return header + "\n"
            + rows.map { row in
                row.enumerated().map { i, cell in
                    let pad = String(repeating: " ", count: widths[i] - cell.count)
                    return i == 0 || i == row.count - 1 ? cell + pad : pad + cell
                }.joined(separator: "  ")
            }.joined(separator: "\n")
    }

    public func write(to folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stamp = date.replacingOccurrences(of: ":", with: "-")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try Self.save(encoder.encode(self), table: table, in: folder, name: quick ? "quick" : "bench-\(stamp)")
    }

    /// Writes a run as `name.json` and the table as `name.md`.
    static func save(_ json: Data, table: String, in folder: URL, name: String) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try json.write(to: folder.appendingPathComponent("\(name).json"))
        try ("```\n" + table + "\n```\n").write(
            to: folder.appendingPathComponent("\(name).md"), atomically: true, encoding: .utf8)
    }

    static func format(_ ms: Double) -> String {
        ms >= 100 ? String(format: "%.0f", ms) : ms >= 1 ? String(format: "%.2f", ms) : String(format: "%.3f", ms)
    }

    static func cpuName() -> String {
        guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown CPU" }
        for line in text.split(separator: "\n") where line.hasPrefix("model name") {
            return line.split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        }
        return "unknown CPU"
    }

    static func sqliteVersion() -> String {
        let output = Spawn.standardOutput("/usr/bin/env", ["sqlite3", "--version"]) ?? ""
        return output.split(separator: " ").first.map(String.init) ?? "?"
    }
}
