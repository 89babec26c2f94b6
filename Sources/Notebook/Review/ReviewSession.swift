import Foundation
import RecallCore
import Scheduler
import Storage

/// One sitting over today's queue (SM2.md order: re-drills, due reviews, new cards). Each grade
/// is committed at once through `Notebook.answer`; a grade below 4 brings the card back later in
/// the same session as a re-drill, until it gets a 4 or 5.
public final class ReviewSession {
    public let notebook: Notebook
    public let options: StudyOptions
    /// Cards still to show, the current one excluded.
    public private(set) var queue: [QueueEntry]
    public private(set) var current: QueueEntry?
    public private(set) var summary = ReviewSummary()
    /// How many cards the session has put on screen so far (re-drills count again).
    public private(set) var shown = 0
    private var shownAt = DispatchTime.now()
    private let startedAt = DispatchTime.now()
    /// What each grade did, newest last, so `undo` can put things back.
    private var done: [(entry: QueueEntry, grade: Grade, requeued: Bool)] = []

    public init(notebook: Notebook, options: StudyOptions = StudyOptions()) throws {
        self.notebook = notebook
        self.options = options
        scope = try notebook.scope(deck: options.deck, tag: options.tag)
        queue = try notebook.studyQueue(options, scope: scope)
        advance()
    }

    public convenience init(notebook: Notebook, deck: String?, limit: Int? = nil) throws {
        try self.init(notebook: notebook, options: StudyOptions(deck: deck, limit: limit))
    }

    private let scope: CardScope

    /// Cram grades are drills: the session changes no schedule.
    public var isCram: Bool { options.cram }

    /// The card on screen, with its text; nil when the session is over.
    public func currentDetails() throws -> CardDetails? {
        guard let current else { return nil }
        return try notebook.show(current.card)
    }

    public var remaining: (new: Int, review: Int, drill: Int) {
        let all = queue + (current.map { [$0] } ?? [])
        return (
            all.filter { $0.queue == .new }.count, all.filter { $0.queue == .review }.count,
            all.filter { $0.queue == .drill }.count
        )
    }

    /// Logs `grade` for the current card and moves on.
    @discardableResult
    public func grade(_ grade: Grade) throws -> AnswerOutcome {
        guard let entry = current else { throw StorageError.nothingToUndo }
        let elapsed = Int((DispatchTime.now().uptimeNanoseconds - shownAt.uptimeNanoseconds) / 1_000_000)
        let outcome = try notebook.answer(
            entry.card, grade: grade, early: options.early, cram: options.cram, durationMs: elapsed)
        let redrill = entry.redrill(after: grade, leech: outcome.leech)
        if let redrill { queue.append(redrill) }
        done.append((entry, grade, redrill != nil))
        summary.record(grade: grade, kind: outcome.event.kind, card: entry.card, durationMs: elapsed)
        advance()
        return outcome
    }

    /// Undoes this device's last event: a grade of this session's is dropped from the log and the
    /// card shown again (a study action undone is only dropped).
    @discardableResult
    public func undo() throws -> UndoOutcome {
        let outcome = try notebook.undo()
        if let event = outcome.event, let last = done.last, last.entry.card == event.card {
            done.removeLast()
            if last.requeued, let index = queue.lastIndex(where: { $0.card == last.entry.card && $0.queue == .drill }) {
                queue.remove(at: index)
            }
            summary.forget(grade: last.grade, kind: event.kind, card: last.entry.card)
            if !done.contains(where: { $0.entry.card == last.entry.card }) { summary.cards.remove(last.entry.card) }
            // The card that came up after the grade goes back unseen: the position is the undone one's again.
            if let current {
                queue.insert(current, at: 0)
                shown -= 1
            }
            current = last.entry
            shownAt = DispatchTime.now()
        }
        return outcome
    }

    public var elapsedSeconds: Int {
        Int((DispatchTime.now().uptimeNanoseconds - startedAt.uptimeNanoseconds) / 1_000_000_000)
    }

    /// The end-of-session summary, with what is due tomorrow.
    public func finish() throws -> ReviewSummary {
        var result = summary
        result.seconds = elapsedSeconds
        let tomorrow = notebook.today.advanced(by: 1)
        result.dueTomorrow = try notebook.queue(on: tomorrow, newPerDay: 0, scope: scope).count
        return result
    }

    private func advance() {
        current = queue.isEmpty ? nil : queue.removeFirst()
        if current != nil { shown += 1 }
        shownAt = DispatchTime.now()
    }
}

/// What a session did.
public struct ReviewSummary: Sendable, Equatable {
    public var cards = Set<CardKey>()
    /// Count of grades 0…5 given.
    public var grades = Array(repeating: 0, count: 6)
    public var drills = 0
    public var answerMs = 0
    public var seconds = 0
    public var dueTomorrow = 0

    mutating func record(grade: Grade, kind: ReviewKind, card: CardKey, durationMs: Int) {
        cards.insert(card)
        grades[grade.rawValue] += 1
        if kind == .drill { drills += 1 }
        answerMs += durationMs
    }

    mutating func forget(grade: Grade, kind: ReviewKind, card: CardKey) {
        grades[grade.rawValue] -= 1
        if kind == .drill { drills -= 1 }
    }

    public var graded: Int { grades.reduce(0, +) }

    /// A few plain lines for the end of a session.
    public var lines: [String] {
        guard graded > 0 else { return ["No cards graded this session."] + tomorrowLine }
        let histogram = (0...5).map { "\($0):\(grades[$0])" }.joined(separator: " ")
        let minutes = seconds / 60
        return [
            "Reviewed \(cards.count) card\(cards.count == 1 ? "" : "s") (\(graded) grades, \(drills) re-drill\(drills == 1 ? "" : "s")) in \(minutes)m \(seconds % 60)s.",
            "Grades  \(histogram)",
        ] + tomorrowLine
    }

    private var tomorrowLine: [String] { ["Due tomorrow: \(dueTomorrow)."] }
}
