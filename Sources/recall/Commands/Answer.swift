import ArgumentParser
import Notebook
import RecallCore

extension Recall {
    struct Answer: ParsableCommand {
        static let configuration = CommandConfiguration.topLevel(
            "answer", abstract: "Grade a card 0-5 (SM-2): 5 perfect, 4 after hesitation, 3 with difficulty, 0-2 wrong.")

        @OptionGroup var global: GlobalOptions

        @OptionGroup var named: OneCard

        @Argument(help: "The grade, a whole number from 0 (blackout) to 5 (perfect).")
        var grade: Grade

        @Flag(help: "Review a card that is not due yet.")
        var early = false

        @Option(
            name: .customLong("time-ms"), parsing: .unconditional, help: "How long the answer took, in milliseconds.")
        var timeMs: Int = 0

        func validate() throws {
            if timeMs < 0 { throw ValidationError("--time-ms must be 0 or more") }
        }

        func run() throws {
            let notebook = try global.notebook()
            let outcome = try notebook.answer(
                try notebook.resolve(named.card), grade: grade, early: early, durationMs: timeMs)
            let report = StateReport(outcome.event, state: outcome.state, leech: outcome.leech)
            if global.json { return try Output.json(report) }
            print(report.line)
            if outcome.leech {
                print(
                    "\(report.card) is a leech (\(report.schedule?.lapses ?? 0) lapses): suspended and tagged leech. "
                        + "Rewrite it (`recall edit \(report.card)`), then `recall unsuspend \(report.card)`.")
            }
        }
    }
}

/// The `answer` JSON fields: the logged event's id, card, grade and kind, then the card's new
/// schedule (`ScheduleReport`'s fields, in the same object).
struct StateReport: Encodable {
    var event, card: String
    var grade: Int
    var kind: String
    /// The grade's lapse made the card a leech (suspended and tagged; docs/EVENTS.md).
    var leech: Bool
    /// Absent only for a new card crammed, which stays new (`recall answer` never crams).
    var schedule: ScheduleReport?

    init(_ event: ReviewEvent, state: CardState?, leech: Bool = false) {
        self.event = event.id
        card = event.card.description
        grade = event.grade.rawValue
        kind = event.kind.rawValue
        self.leech = leech
        schedule = state.map(ScheduleReport.init)
    }

    private enum CodingKeys: String, CodingKey { case event, card, grade, kind, leech }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(event, forKey: .event)
        try container.encode(card, forKey: .card)
        try container.encode(grade, forKey: .grade)
        try container.encode(kind, forKey: .kind)
        try container.encode(leech, forKey: .leech)
        try schedule?.encode(to: encoder)
    }

    var line: String {
        guard let schedule else { return "\(card): grade \(grade), logged (the card is still new)" }
        let (interval, due, ef) = (schedule.interval, schedule.due, schedule.ef)
        let what =
            kind == "drill"
            ? "re-drill logged (schedule unchanged)" : "next in \(interval) day\(interval == 1 ? "" : "s")"
        return
            "\(card): grade \(grade), \(what): due \(due), EF \(String(format: "%.2f", ef)), repetitions \(schedule.repetitions), lapses \(schedule.lapses)"
    }
}
