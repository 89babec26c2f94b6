import ArgumentParser
import Notebook
import RecallCore

extension Recall {
    struct Answer: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "answer",
            abstract: "Grade a card 0-5 (SM-2): 5 perfect, 4 after hesitation, 3 with difficulty, 0-2 wrong.")

        @OptionGroup var global: GlobalOptions

        @Argument(help: "The card, as deck/id (e.g. llm-interview/lora-principle).")
        var card: CardKey

        @Argument(help: "The grade, a whole number from 0 (blackout) to 5 (perfect).")
        var grade: Grade

        @Flag(help: "Review a card that is not due yet.")
        var early = false

        @Option(name: .customLong("time-ms"), help: "How long the answer took, in milliseconds.")
        var timeMs: Int = 0

        func run() throws {
            let outcome = try global.notebook().answer(card, grade: grade, early: early, durationMs: max(timeMs, 0))
            let report = StateReport(outcome.event, state: outcome.state)
            if global.json { return try Output.json(report) }
            print(report.line)
        }
    }
}

/// The `answer` JSON fields: card, grade, kind, ef, repetitions, interval, lapses, due, and the
/// logged event's id.
struct StateReport: Encodable {
    var event: String
    var card: String
    var grade: Int
    var kind: String
    var ef: Double
    var repetitions, interval, lapses: Int
    var due: String

    init(_ event: ReviewEvent, state: CardState) {
        self.event = event.id
        self.card = event.card.description
        self.grade = event.grade.rawValue
        self.kind = event.kind.rawValue
        self.ef = state.ef
        self.repetitions = state.repetitions
        self.interval = state.interval
        self.lapses = state.lapses
        self.due = state.due.iso
    }

    var line: String {
        let what =
            kind == "drill"
            ? "re-drill logged (schedule unchanged)" : "next in \(interval) day\(interval == 1 ? "" : "s")"
        return
            "\(card): grade \(grade), \(what): due \(due), EF \(String(format: "%.2f", ef)), repetitions \(repetitions), lapses \(lapses)"
    }
}
