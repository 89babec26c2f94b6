import ArgumentParser
import Foundation
import Notebook
import TerminalUI

extension Recall {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "Where you stand: today, the forecast, the calendar, retention, card states, hardest cards.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "Only this deck.")
        var deck: String?

        @Option(help: "Days of forecast and of the retention window.")
        var days = 30

        func validate() throws {
            if days < 1 || days > 3650 { throw ValidationError("--days must be between 1 and 3650") }
        }

        func run() throws {
            let notebook = try global.notebook()
            let report = try notebook.stats(deck: deck, days: days)
            if global.json { return try Output.json(report) }
            print(Self.render(report, width: Self.terminalWidth(), colour: Self.useColour()))
        }

        /// COLUMNS, else the terminal's width, else 80.
        static func terminalWidth() -> Int {
            if let text = ProcessInfo.processInfo.environment["COLUMNS"], let value = Int(text), value > 0 {
                return value
            }
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
            return 80
        }

        /// Colour only on a terminal, and never when NO_COLOR is set (no-color.org).
        static func useColour() -> Bool {
            if let value = ProcessInfo.processInfo.environment["NO_COLOR"], !value.isEmpty { return false }
            return isatty(STDOUT_FILENO) == 1
        }

        static func render(_ report: StatsReport, width: Int, colour: Bool) -> String {
            var lines: [String] = []
            let minutes = report.today.timeSpentMs / 60_000
            let seconds = report.today.timeSpentMs / 1000 % 60
            lines.append("Today \(report.day)")
            lines.append("  \(report.today.reviewed) reviewed · \(report.today.left) left · \(minutes)m \(seconds)s")

            let counts = report.forecast.map(\.count)
            let shown = Array(counts.prefix(max(width - 8, 1)))
            lines.append("")
            lines.append("Due next \(shown.count) days: max \(counts.max() ?? 0), total \(counts.reduce(0, +))")
            lines += Charts.columns(shown, height: 4).map { "  " + $0 }

            lines.append("")
            let weeks = max(1, min(report.calendar.count / 7, width - 6))
            let days = Array(report.calendar.suffix(weeks * 7))
            let first = days.first.flatMap { StudyDayWeekday.weekday(iso: $0.day) } ?? 0
            lines.append("Last \(weeks) weeks: streak \(report.currentStreak), longest \(report.longestStreak)")
            let labels = ["M", " ", "W", " ", "F", " ", "S"]
            for (index, row) in Charts.heatmap(days.map(\.count), firstWeekday: first, colour: colour).enumerated() {
                lines.append("  \(labels[index]) " + row)
            }

            lines.append("")
            lines.append("True retention, last \(report.retentionDays) days")
            for (name, r) in [("young ", report.youngRetention), ("mature", report.matureRetention)] {
                let rate = r.rate.map { String(format: "%5.1f%%", $0 * 100) } ?? "    –"
                let bar = Charts.bar(r.passed, of: max(r.reviews, 1), width: max(width - 40, 10))
                lines.append("  \(name) \(rate) \(bar) \(r.passed)/\(r.reviews)")
            }

            lines.append("")
            lines.append("Cards by state")
            // Narrow terminals get short headers (docs/STATS.md defines each state).
            let header =
                width < 50
                ? ["deck", "new", "lrn", "yng", "mat", "rem"]
                : ["deck", "new", "learning", "young", "mature", "removed"]
            var rows = [header]
            for s in report.states {
                rows.append([s.deck] + [s.new, s.learning, s.young, s.mature, s.removed].map(String.init))
            }
            lines.append(Output.table(rows, rightAligned: [1, 2, 3, 4, 5]))

            if !report.hardest.isEmpty {
                lines.append("")
                lines.append("Hardest cards")
                lines.append(
                    Output.table(
                        report.hardest.map {
                            [
                                $0.card, "\($0.lapses) lapses", String(format: "EF %.2f", $0.ef),
                                Output.oneLine($0.front, width: max(12, width - 45)),
                            ]
                        }))
            }
            return lines.joined(separator: "\n")
        }
    }
}

/// Weekday rows for the heatmap: 0 = Monday … 6 = Sunday.
enum StudyDayWeekday {
    static func weekday(iso: String) -> Int? {
        let parts = iso.split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        // Days since 1970-01-01 (a Thursday, row 3), via the civil-from-days inverse.
        let y = parts[1] <= 2 ? parts[0] - 1 : parts[0]
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * ((parts[1] + 9) % 12) + 2) / 5 + parts[2] - 1
        let days = era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
        return ((days % 7) + 7 + 3) % 7
    }
}
