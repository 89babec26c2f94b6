import Foundation
import Notebook
import RecallCore

/// The review session without a terminal: plain lines that scripts and pipes can drive. It prints
/// the question, waits for a line (Enter, or any text such as the learner's own answer, shows the
/// answer; a grade 0–5 shows it and grades at once; `u` undoes; `q` quits), prints the answer,
/// then reads a grade line (0–5, `u` to undo, `q` to quit).
public struct LineReview {
    public var session: ReviewSession
    public var readLine: () -> String?
    public var write: (String) -> Void

    public init(
        session: ReviewSession, readLine: @escaping () -> String? = { Swift.readLine() },
        write: @escaping (String) -> Void = { print($0) }
    ) {
        self.session = session
        self.readLine = readLine
        self.write = write
    }

    public func run() throws -> ReviewSummary {
        while let entry = session.current, let details = try session.currentDetails() {
            let remaining = session.remaining
            write(
                "── \(entry.card) (\(entry.queue.rawValue); left: \(remaining.new) new, \(remaining.review) review, \(remaining.drill) re-drill)"
            )
            write("Q: \(details.card.front)")
            write("[Enter: show the answer · 0-5: show it and grade · u: undo · q: quit]")
            guard let line = readLine()?.trimmingCharacters(in: .whitespaces) else { break }
            if line == "q" { break }
            if line == "u" {
                try undo()
                continue
            }
            write(details.card.back)
            // A grade typed before the answer was shown counts: scripts answer in one line.
            if let grade = Grade(text: line) {
                write(TerminalReview.describe(try session.grade(grade), grade: grade, cram: session.isCram))
                continue
            }
            var graded = false
            while !graded {
                write("Grade 0-5 (u: undo the previous grade, q: quit):")
                guard let answer = readLine()?.trimmingCharacters(in: .whitespaces) else { return try session.finish() }
                if answer == "q" { return try session.finish() }
                if answer == "u" {
                    graded = try undo()  // the undone card is current again: ask it anew
                    continue
                }
                guard let grade = Grade(text: answer) else {
                    write("'\(answer)' is not a grade: type 0 to 5.")
                    continue
                }
                let outcome = try session.grade(grade)
                write(TerminalReview.describe(outcome, grade: grade, cram: session.isCram))
                graded = true
            }
        }
        return try session.finish()
    }

    /// Undoes the last grade; whether it did (else the reason is written).
    @discardableResult
    private func undo() throws -> Bool {
        do {
            let outcome = try session.undo()
            write("Undid \(outcome.undone.label) of \(outcome.undone.card).")
            return true
        } catch let error as UserFacingError {
            write("recall: \(error.description)")
            return false
        }
    }
}
