import ArgumentParser
import Notebook

extension Recall {
    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "undo", abstract: "Drop this device's last grade and refold its card.")

        @OptionGroup var global: GlobalOptions

        struct Report: Encodable {
            var card: String
            var grade: Int
            var kind: String
            var day: String
            /// Absent when the undone grade was the card's first: the card is new again.
            var state: ScheduleReport?
        }

        func run() throws {
            let outcome = try global.notebook().undo()
            let e = outcome.event
            let report = Report(
                card: e.card.description, grade: e.grade.rawValue, kind: e.kind.rawValue, day: e.day.iso,
                state: outcome.state.map(ScheduleReport.init))
            if global.json { return try Output.json(report) }
            let now = outcome.state.map { "due \($0.due.iso)" } ?? "new again"
            print("Undid grade \(e.grade) (\(e.kind.rawValue), \(e.day.iso)) of \(e.card): \(now).")
        }
    }
}
