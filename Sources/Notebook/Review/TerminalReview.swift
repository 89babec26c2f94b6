import CodeRunner
import DeckFormat
import Foundation
import RecallCore
import Scheduler
import Storage
import TerminalUI

/// The full-screen review session: draws `ReviewScreen` frames and maps keys to session actions.
public struct TerminalReview {
    public var session: ReviewSession
    public var environment: [String: String]

    public init(session: ReviewSession, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.session = session
        self.environment = environment
    }

    struct ScreenState {
        var revealed = false
        var scroll = 0
        var maxScroll = 0
        var status: String?
        var help = false
        /// The last check's table (Markdown) for an exercise card, and the grade it suggests.
        var checkResult: String?
        var suggested: Grade?
    }

    /// Runs until the queue is empty or the learner quits; returns the session summary.
    public func run() throws -> ReviewSummary {
        let terminal = Terminal()
        let color = ColorMode.detect(environment: environment, isTerminal: true)
        try terminal.enter()
        defer { terminal.leave() }
        var reader = KeyReader(fd: terminal.input)
        var state = ScreenState()
        var lastSize = (0, 0)

        func redraw() throws {
            let size = terminal.size
            lastSize = (size.columns, size.rows)
            guard let details = try session.currentDetails(), let entry = session.current else { return }
            let remaining = session.remaining
            let isExercise = details.card.kind == .exercise
            var view = ReviewView(
                deck: entry.card.deck, card: entry.card.id, position: session.shown,
                total: session.shown + session.queue.count, newLeft: remaining.new, reviewLeft: remaining.review,
                drillLeft: remaining.drill, queue: entry.queue.rawValue, question: details.card.front,
                answer: (state.checkResult.map { $0 + "\n\n" } ?? "") + details.card.back, revealed: state.revealed,
                isExercise: isExercise, scroll: state.scroll, status: state.status, showHelp: state.help)
            if isExercise { view.extraKeys = ["o open your solution", "r run the check"] }
            let frame = ReviewScreen.layout(view, width: size.columns, height: size.rows)
            state.maxScroll = frame.maxScroll
            state.scroll = min(state.scroll, frame.maxScroll)
            terminal.draw(frame.lines.map(color.render))
        }

        try redraw()
        while session.current != nil {
            guard let key = reader.next(timeoutMs: 250) else {
                if reader.atEnd { break }
                let size = terminal.size
                if size.columns != lastSize.0 || size.rows != lastSize.1 { try redraw() }
                continue
            }
            if state.help {
                state.help = false
                try redraw()
                continue
            }
            switch key {
            case .character("q"), .ctrl("c"), .ctrl("d"):
                return try session.finish()
            case .enter where state.suggested != nil:
                guard let grade = state.suggested else { break }
                let outcome = try session.grade(grade)
                state = ScreenState()
                state.status = Self.describe(outcome, grade: grade)
            case .character("o")
            where session.current.map({ (try? session.notebook.show($0.card).card.kind) == .exercise }) == true:
                state.status = try openSolution(terminal: terminal)
            case .character("r")
            where session.current.map({ (try? session.notebook.show($0.card).card.kind) == .exercise }) == true:
                try runCheck(&state, terminal: terminal, color: color)
            case .space, .enter:
                if !state.revealed {
                    state.revealed = true
                    state.status = nil
                } else {
                    state.scroll = min(state.scroll + 5, state.maxScroll)
                }
            case .character(let c) where state.revealed && ("0"..."5").contains(c):
                guard let grade = Grade(text: String(c)) else { break }
                do {
                    let outcome = try session.grade(grade)
                    state = ScreenState()
                    state.status = Self.describe(outcome, grade: grade)
                } catch let error as UserFacingError {
                    state.status = error.description
                }
            case .character("u"):
                do {
                    let outcome = try session.undo()
                    state = ScreenState()
                    state.status = "Undid grade \(outcome.event.grade) of \(outcome.event.card)."
                } catch let error as UserFacingError {
                    state.status = error.description
                }
            case .character("e"):
                state.status = try edit(terminal: terminal)
            case .character("?"):
                state.help = true
            case .character("j"), .down:
                state.scroll = min(state.scroll + 1, state.maxScroll)
            case .character("k"), .up:
                state.scroll = max(state.scroll - 1, 0)
            case .pageDown:
                state.scroll = min(state.scroll + max(terminal.size.rows - 8, 1), state.maxScroll)
            case .pageUp:
                state.scroll = max(state.scroll - max(terminal.size.rows - 8, 1), 0)
            case .character(let c) where ("0"..."5").contains(c):
                state.status = "Reveal the answer first (Space), then grade."
            default:
                break
            }
            if session.current == nil { break }
            try redraw()
        }
        return try session.finish()
    }

    /// Opens the card's file in $EDITOR at its line, with the terminal restored meanwhile; then
    /// re-imports the deck so the edit shows at once.
    private func edit(terminal: Terminal) throws -> String {
        guard let details = try session.currentDetails() else { return "" }
        let card = details.card
        terminal.leave()
        defer { try? terminal.enter() }
        if let failure = ExternalEditor(environment: environment).open(card.sourceFile, line: card.sourceLine) {
            return failure
        }
        guard let report = try session.reimportCurrent() else { return "" }
        if let problem = report.errors.first {
            return "Saved, with a problem: \(problem) — fix it and press e again."
        }
        return report.counts.updated > 0 ? "Card updated." : "No change."
    }

    /// The learner's working file for an exercise card (language from RECALL_LANG, default Python).
    private func solutionFile() throws -> URL? {
        guard let entry = session.current else { return nil }
        let language = Language(name: environment["RECALL_LANG"] ?? "python") ?? .python
        let folder = session.notebook.environment.home.appendingPathComponent("work")
        let file = folder.appendingPathComponent("\(entry.card.id).\(language.fileExtension)")
        if !FileManager.default.fileExists(atPath: file.path) {
            _ = try session.notebook.writeStarter(entry.card.description, language: language, into: folder)
        }
        return file
    }

    /// `o`: the starter (or the last attempt) in $EDITOR.
    private func openSolution(terminal: Terminal) throws -> String {
        guard let file = try solutionFile() else { return "" }
        terminal.leave()
        defer { try? terminal.enter() }
        if let failure = ExternalEditor(environment: environment).open(file.path, line: 1) { return failure }
        return "Saved \(file.lastPathComponent). Press r to check it."
    }

    /// `r`: checks the working file in the sandbox and shows the table with a suggested grade.
    private func runCheck(_ state: inout ScreenState, terminal: Terminal, color: ColorMode) throws {
        guard let entry = session.current, let file = try solutionFile() else { return }
        terminal.draw([color.render([Span(" Checking \(file.lastPathComponent)…", .accent)])])
        do {
            let report = try session.notebook.check(entry.card.description, file: file)
            var table =
                "**\(report.verdict.rawValue)**: \(report.passed)/\(report.cases.count) cases passed in \(report.timeMs) ms\n\n"
            table += "| case | status | expected | actual |\n|---|---|---|---|\n"
            for c in report.cases {
                let cell = { (text: String?) in (text ?? "").replacingOccurrences(of: "|", with: "/") }
                table +=
                    "| \(cell(c.name)) | \(c.status.rawValue) | \(cell(c.expected)) | \(cell(c.actual ?? c.message)) |\n"
            }
            if let message = report.message { table += "\n```\n\(message)\n```\n" }
            let grade = try session.notebook.suggestedGrade(entry.card, verdict: report.verdict)
            state.checkResult = table
            state.suggested = grade
            state.revealed = true
            state.scroll = 0
            state.status = "\(report.verdict.rawValue): suggested grade \(grade). Enter accepts it, 0–5 overrides."
        } catch let error as UserFacingError {
            state.status = error.description
        }
    }

    static func describe(_ outcome: AnswerOutcome, grade: Grade) -> String {
        if outcome.event.kind == .drill {
            return grade.needsRedrill ? "Re-drill logged; it comes back once more." : "Re-drill done."
        }
        let days = outcome.state.interval
        let again = grade.needsRedrill ? " It comes back later today." : ""
        return "Graded \(grade): next in \(days) day\(days == 1 ? "" : "s") (\(outcome.state.due.iso)).\(again)"
    }
}
