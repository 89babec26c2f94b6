import CodeRunner
import DeckFormat
import Foundation
import Notebook
import RecallCore
import Scheduler
import Storage
import TerminalUI

/// The full-screen review session: draws `ReviewScreen` frames and maps keys to session actions.
public struct TerminalReview {
    public var session: ReviewSession
    public var settings: ReviewSettings

    public init(session: ReviewSession, settings: ReviewSettings) {
        self.session = session
        self.settings = settings
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
        /// The last frame only said the terminal is too small: keys other than quit and suspend wait.
        var tooSmall = false
        /// How many times `m` was pressed on this card: each press opens the next media file.
        var mediaOpened = 0

        mutating func scroll(by lines: Int) { scroll = min(max(scroll + lines, 0), maxScroll) }
    }

    /// Runs until the queue is empty or the learner quits; returns the session summary.
    public func run() throws -> ReviewSummary {
        let terminal = Terminal()
        try terminal.enter()
        defer { terminal.leave() }
        var reader = KeyReader(fd: terminal.input)
        var state = ScreenState()
        var drawnSize = try redraw(&state, on: terminal)
        while session.current != nil {
            guard let key = reader.next(timeoutMs: 250) else {
                if reader.atEnd { break }
                // After `fg` the screen was cleared; a resize needs a new layout.
                if terminal.takeResumed() || terminal.size != drawnSize { drawnSize = try redraw(&state, on: terminal) }
                continue
            }
            if try handle(key, &state, terminal: terminal) == .quit || session.current == nil { break }
            drawnSize = try redraw(&state, on: terminal)
        }
        return try session.finish()
    }

    /// Whether a key ends the session.
    enum Step { case goOn, quit }

    /// What one key does to the session and the screen.
    func handle(_ key: Key, _ state: inout ScreenState, terminal: Terminal) throws -> Step {
        switch key {
        case .ctrl("z"):
            terminal.suspend()  // returns once continued; the loop then draws a whole frame
            return .goOn
        case .character("q"), .ctrl("c"), .ctrl("d"):
            return .quit
        default:
            if state.tooSmall { return .goOn }  // the learner cannot see what a key would act on
        }
        if state.help {
            state.help = false  // any key closes the help
            return .goOn
        }
        let page = max(terminal.size.rows - 8, 1)
        switch key {
        case .enter where state.suggested != nil:
            if let grade = state.suggested { try self.grade(grade, &state) }
        case .character("o") where isExercise:
            state.status = try openSolution(terminal: terminal)
        case .character("r") where isExercise:
            try runCheck(&state, terminal: terminal)
        case .space, .enter:
            if state.revealed {
                state.scroll(by: 5)
            } else {
                state.revealed = true
                state.status = nil
            }
        case .character(let c) where ("0"..."5").contains(c):
            if state.revealed, let grade = Grade(text: String(c)) {
                try self.grade(grade, &state)
            } else {
                state.status = "Reveal the answer first (Space), then grade."
            }
        case .character("m"):
            state.status = openMedia(&state)
        case .character("u"):
            try undo(&state)
        case .character("e"):
            state.status = try edit(terminal: terminal)
        case .character("?"):
            state.help = true
        case .character("j"), .down: state.scroll(by: 1)
        case .character("k"), .up: state.scroll(by: -1)
        case .pageDown: state.scroll(by: page)
        case .pageUp: state.scroll(by: -page)
        default:
            break
        }
        return .goOn
    }

    /// The one way a grade is given: logged, the screen reset for the next card, and the outcome
    /// (or the reason it was refused) on the status line; any other error ends the session.
    private func grade(_ grade: Grade, _ state: inout ScreenState) throws {
        do {
            let outcome = try session.grade(grade)
            state = ScreenState()
            state.status = Self.describe(outcome, grade: grade, cram: session.isCram)
        } catch let error as UserFacingError {
            state.status = error.description
        }
    }

    private func undo(_ state: inout ScreenState) throws {
        do {
            let outcome = try session.undo()
            state = ScreenState()
            state.status = "Undid \(outcome.undone.label) of \(outcome.undone.card)."
        } catch let error as UserFacingError {
            state.status = error.description
        }
    }

    /// Draws the current card; returns the terminal size it was laid out for.
    private func redraw(_ state: inout ScreenState, on terminal: Terminal) throws -> (columns: Int, rows: Int) {
        let size = terminal.size
        guard let details = try session.currentDetails(), let entry = session.current else { return size }
        let remaining = session.remaining
        let isExercise = details.card.kind == .exercise
        var view = ReviewView(
            deck: entry.card.deck, card: entry.card.id, position: session.shown,
            total: session.shown + session.queue.count, newLeft: remaining.new, reviewLeft: remaining.review,
            drillLeft: remaining.drill, queue: entry.queue.rawValue, question: details.card.front,
            answer: (state.checkResult.map { $0 + "\n\n" } ?? "") + details.card.back, revealed: state.revealed,
            isExercise: isExercise, scroll: state.scroll, status: state.status, showHelp: state.help)
        if isExercise { view.extraKeys = ["o open your solution", "r run the check"] }
        let media = visibleMedia(revealed: state.revealed)
        if let first = media.first {
            view.mediaKey = media.count == 1 ? "m open \(first.lastPathComponent)" : "m open media (\(media.count))"
        }
        let frame = ReviewScreen.layout(view, width: size.columns, height: size.rows)
        state.maxScroll = frame.maxScroll
        state.tooSmall = frame.tooSmall
        state.scroll = min(state.scroll, frame.maxScroll)
        terminal.draw(frame.lines.map(settings.color.render))
        return size
    }

    private var isExercise: Bool { (try? session.currentDetails())??.card.kind == .exercise }

    /// The media files the visible side of the card refers to, inside its deck folder.
    private func visibleMedia(revealed: Bool) -> [URL] {
        guard let details = try? session.currentDetails() else { return [] }
        return (try? session.notebook.media(of: details.card, answer: revealed)) ?? []
    }

    /// `m`: the next media file of the visible side, opened with the system's opener.
    private func openMedia(_ state: inout ScreenState) -> String {
        let files = visibleMedia(revealed: state.revealed)
        guard !files.isEmpty else { return "No image or audio file on this side of the card." }
        let file = files[state.mediaOpened % files.count]
        state.mediaOpened += 1
        do {
            try settings.opener.open(file)
        } catch {
            return "Could not open \(file.lastPathComponent): \(error.description)"
        }
        return "Opened \(file.lastPathComponent) with \(settings.opener.command)."
    }

    /// Opens the card's file in the editor at its line, with the terminal restored meanwhile; the
    /// deck is imported again so the edit shows at once (`Notebook.editCard`, as `recall edit`).
    private func edit(terminal: Terminal) throws -> String {
        guard let entry = session.current else { return "" }
        let outcome: CardEditing
        do {
            terminal.leave()
            defer { try? terminal.enter() }
            outcome = try session.notebook.editCard(.key(entry.card), editor: editor)
        } catch let error as UserFacingError {
            return error.description
        }
        if let problem = outcome.report.errors.first {
            return "Saved, with a problem: \(problem) — fix it and press e again."
        }
        return outcome.changed ? "Card updated." : "No change."
    }

    private var editor: ExternalEditor { ExternalEditor(command: settings.editor) }

    /// The editor on `file`, with the terminal left meanwhile; a message when it failed.
    private func openInEditor(_ file: String, line: Int, terminal: Terminal) -> String? {
        terminal.leave()
        defer { try? terminal.enter() }
        do {
            try editor.open(file, line: line)
        } catch {
            return error.description
        }
        return nil
    }

    /// The learner's working file for an exercise card, in the settings' language; the starter is
    /// written there the first time.
    private func solutionFile() throws -> URL? {
        guard let entry = session.current else { return nil }
        let language = settings.exerciseLanguage
        let folder = session.notebook.environment.home.appendingPathComponent("work")
        let file = folder.appendingPathComponent("\(entry.card.id).\(language.fileExtension)")
        if !FileManager.default.fileExists(atPath: file.path) {
            _ = try session.notebook.writeStarter(.key(entry.card), language: language, into: folder)
        }
        return file
    }

    /// `o`: the starter (or the last attempt) in the editor.
    private func openSolution(terminal: Terminal) throws -> String {
        guard let file = try solutionFile() else { return "" }
        if let failure = openInEditor(file.path, line: 1, terminal: terminal) { return failure }
        return "Saved \(file.lastPathComponent). Press r to check it."
    }

    /// `r`: checks the working file in the sandbox and shows the table with a suggested grade.
    private func runCheck(_ state: inout ScreenState, terminal: Terminal) throws {
        guard let entry = session.current, let file = try solutionFile() else { return }
        terminal.draw([settings.color.render([Span(" Checking \(file.lastPathComponent)…", .accent)])])
        do {
            let report = try session.notebook.check(.key(entry.card), file: file)
            let grade = try session.notebook.suggestedGrade(entry.card, verdict: report.verdict)
            state.checkResult = Self.table(report)
            state.suggested = grade
            state.revealed = true
            state.scroll = 0
            state.status = "\(report.verdict.rawValue): suggested grade \(grade). Enter accepts it, 0–5 overrides."
        } catch let error as UserFacingError {
            // Nothing was judged (a setup problem, an unreadable file): no grade to suggest, not
            // even one left from an earlier check.
            state.checkResult = nil
            state.suggested = nil
            state.status = error.description
        }
    }

    /// A check's verdict and cases as a Markdown table, shown above the card's answer.
    static func table(_ report: CheckReport) -> String {
        var table =
            "**\(report.verdict.rawValue)**: \(report.passed)/\(report.cases.count) cases passed in \(report.timeMs) ms\n\n"
        table += "| case | status | expected | actual |\n|---|---|---|---|\n"
        let cell = { (text: String?) in (text ?? "").replacingOccurrences(of: "|", with: "/") }
        for c in report.cases {
            table +=
                "| \(cell(c.name)) | \(c.status.rawValue) | \(cell(c.expected)) | \(cell(c.actual ?? c.message)) |\n"
        }
        if let message = report.message { table += "\n```\n\(message)\n```\n" }
        return table
    }

    static func describe(_ outcome: AnswerOutcome, grade: Grade, cram: Bool = false) -> String {
        if outcome.leech {
            let card = outcome.event.card.description
            let lapses = outcome.state?.lapses ?? 0
            return "Leech: \(lapses) lapses, so \(card) is suspended and tagged leech. "
                + "Rewrite it (`recall edit \(card)`), then `recall unsuspend \(card)`."
        }
        if cram {
            let again = grade.needsRedrill ? " It comes back once more in this session." : ""
            return "Crammed (schedule unchanged).\(again)"
        }
        guard outcome.event.kind == .review, let state = outcome.state else {
            return grade.needsRedrill ? "Re-drill logged; it comes back once more." : "Re-drill done."
        }
        let days = state.interval
        let again = grade.needsRedrill ? " It comes back later today." : ""
        return "Graded \(grade): next in \(days) day\(days == 1 ? "" : "s") (\(state.due.iso)).\(again)"
    }
}
