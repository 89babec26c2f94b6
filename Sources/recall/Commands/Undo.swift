import ArgumentParser
import Notebook

extension Recall {
    struct Undo: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "undo",
            abstract: "Drop this device's last event (a grade, or a suspend, bury, forget …) and refold its card.")

        @OptionGroup var global: GlobalOptions

        struct Report: Encodable {
            var card: String
            /// Absent when a study action was undone.
            var grade: Int?
            /// review or drill for a grade; the action's kind (suspend, bury, …) otherwise.
            var kind: String
            var day: String
            /// Absent when the undone grade was the card's first: the card is new again.
            var state: ScheduleReport?
        }

        func run() throws {
            let outcome = try global.notebook().undo()
            let report: Report
            switch outcome.undone {
            case .grade(let e):
                report = Report(
                    card: e.card.description, grade: e.grade.rawValue, kind: e.kind.rawValue, day: e.day.iso,
                    state: outcome.state.map(ScheduleReport.init))
            case .action(let a):
                report = Report(
                    card: a.card.description, grade: nil, kind: a.kind.rawValue, day: a.day.iso,
                    state: outcome.state.map(ScheduleReport.init))
            }
            if global.json { return try Output.json(report) }
            let now = outcome.state.map { "due \($0.due.iso)" } ?? "new"
            print("Undid \(outcome.undone.label) of \(outcome.undone.card): \(now).")
        }
    }
}
