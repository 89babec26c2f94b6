import ArgumentParser
import Foundation
import Notebook
import RecallCore
import TerminalUI

extension Recall {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "stats",
            abstract: "Where you stand: today, the forecast, the calendar, retention, card states, hardest cards.")

        @OptionGroup var global: GlobalOptions

        @Option(help: "Only this deck.")
        var deck: String?

        @Option(parsing: .unconditional, help: "Days of forecast and of the retention window.")
        var days = 30

        func validate() throws {
            if days < 1 || days > 3650 { throw ValidationError("--days must be between 1 and 3650") }
        }

        func run() throws {
            let report = try global.notebook().stats(deck: deck, days: days)
            if global.json { return try Output.json(report) }
            let environment = ProcessInfo.processInfo.environment
            let width = Terminal.width(of: STDOUT_FILENO, environment: environment)
            let colour = ColorMode.detect(environment: environment, isTerminal: Terminal.isTerminal(STDOUT_FILENO))
            print(Self.render(report, width: width, colour: colour.enabled))
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
            let first = days.first.flatMap { StudyDay(iso: $0.day) }?.weekday ?? 0
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
            lines.append(TableRenderer.columns(rows, rightAligned: [1, 2, 3, 4, 5]))

            if !report.hardest.isEmpty {
                lines.append("")
                lines.append("Hardest cards")
                lines.append(
                    TableRenderer.columns(
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
