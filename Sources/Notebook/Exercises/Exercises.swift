import CodeRunner
import DeckFormat
import Foundation
import RecallCore
import Storage

/// Coding-exercise use cases: find an exercise, hand out its starter, check a solution, keep the
/// attempts and suggest a grade.
extension Notebook {
    /// The exercise behind a card key (`coding/two-sum`), or a bare id (`two-sum`) that one
    /// exercise has (a question card with the same id does not make it ambiguous).
    public func exercise(_ reference: CardReference) throws -> (key: CardKey, exercise: Exercise) {
        let key = try resolve(reference, kind: .exercise)
        let details = try show(key)
        guard details.card.kind == .exercise else { throw ExerciseError.notAnExercise(key.description) }
        let folder = URL(fileURLWithPath: details.card.sourceFile).deletingLastPathComponent()
        return (key, try Exercise.load(folder: folder))
    }

    /// Where the learner's last attempt in `language` is kept.
    public func attemptFile(_ key: CardKey, _ language: Language) -> URL {
        environment.home.appendingPathComponent("attempts/\(key.deck)/\(key.id).\(language.fileExtension)")
    }

    /// Writes the starter (or the last attempt) for `language` into `folder`; returns its path.
    public func writeStarter(_ reference: CardReference, language: Language, into folder: URL) throws -> URL {
        let (key, exercise) = try exercise(reference)
        let attempt = attemptFile(key, language)
        let source = FileManager.default.fileExists(atPath: attempt.path) ? attempt : exercise.file("starter", language)
        guard FileManager.default.fileExists(atPath: source.path) else {
            throw ExerciseError.noStarter(key.description, language.rawValue)
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let target = folder.appendingPathComponent("\(key.id).\(language.fileExtension)")
        if FileManager.default.fileExists(atPath: target.path) { throw ExerciseError.exists(target.path) }
        try FileManager.default.copyItem(at: source, to: target)
        return target
    }

    /// Checks `file` against the exercise, keeps it as the last attempt and logs the verdict. Its
    /// language is the extension's unless `language` is given, and must not contradict it.
    public func check(
        _ reference: CardReference, file: URL, language: Language? = nil, allowUnsandboxed: Bool = false
    ) throws -> CheckReport {
        let (key, exercise) = try exercise(reference)
        let language = try SolutionFile.language(of: file, given: language)
        let source = try SolutionFile.read(file)
        let remote = exercise.folder.path.hasPrefix(environment.home.appendingPathComponent("sources").path)
        let report = try Checker().check(
            exercise, source: source, language: language, remote: remote, allowUnsandboxed: allowUnsandboxed)
        let attempt = attemptFile(key, language)
        try FileManager.default.createDirectory(
            at: attempt.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: attempt)
        try source.write(to: attempt, atomically: true, encoding: .utf8)
        try logAttempt(key, report: report)
        return report
    }

    /// The grade a verdict suggests: Accepted at the first try today 5, after failed tries 4, else 2.
    public func suggestedGrade(_ key: CardKey, verdict: Verdict) throws -> Grade {
        guard verdict == .accepted else { return .wrongButEasy }
        let today = self.today.iso
        let failedBefore = try store.attempts(card: key.description).dropLast().contains {
            $0.day == today && $0.verdict != Verdict.accepted.rawValue
        }
        return failedBefore ? .hesitant : .perfect
    }

    /// The checked solutions of `key`, oldest first (table `exercise_attempt`).
    func attempts(_ key: CardKey) throws -> [ExerciseAttempt] { try store.attempts(card: key.description) }

    private func logAttempt(_ key: CardKey, report: CheckReport) throws {
        try store.logAttempt(
            ExerciseAttempt(
                card: key.description, day: today.iso, time: ISO8601DateFormatter().string(from: environment.now()),
                language: report.language.rawValue, verdict: report.verdict.rawValue, passed: report.passed,
                total: report.cases.count))
    }
}

public enum ExerciseError: UserFacingError {
    case notAnExercise(String)
    case noStarter(String, String)
    case exists(String)
    case unreadable(String)
    case missingSolution(String)
    case notASolutionFile(String)
    case solutionTooLarge(String, Int, Int)
    case languageMismatch(String)

    public var description: String {
        switch self {
        case .notAnExercise(let key): return "'\(key)' is a question card, not a coding exercise"
        case .noStarter(let key, let language): return "'\(key)' has no starter in \(language); try --lang python"
        case .exists(let path): return "\(path) already exists; edit it, or pass another --dir"
        case .unreadable(let path): return "cannot read \(path) as UTF-8 text"
        case .missingSolution(let path): return "there is no file \(path); write your solution there first"
        case .notASolutionFile(let path):
            return "\(path) is not a regular file; save your solution to a file and check that"
        case .solutionTooLarge(let path, let bytes, let limit):
            return
                "\(path) holds \(bytes) bytes, over the \(limit)-byte limit for a solution; nothing was checked or kept. Check the file you meant"
        case .languageMismatch(let why): return why
        }
    }
}

extension RunnerError: UserFacingError {}
