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
            var state: State?
            struct State: Encodable {
                var ef: Double
                var repetitions, interval, lapses: Int
                var due: String
            }
        }

        func run() throws {
            let outcome = try global.notebook().undo()
            let e = outcome.event
            let report = Report(
                card: e.card.description, grade: e.grade.rawValue, kind: e.kind.rawValue, day: e.day.iso,
                state: outcome.state.map {
                    .init(
                        ef: $0.ef, repetitions: $0.repetitions, interval: $0.interval, lapses: $0.lapses,
                        due: $0.due.iso)
                })
            if global.json { return try Output.json(report) }
            let now = outcome.state.map { "due \($0.due.iso)" } ?? "new again"
            print("Undid grade \(e.grade) (\(e.kind.rawValue), \(e.day.iso)) of \(e.card): \(now).")
        }
    }
}
