import DeckFormat

/// The outcome of a check, LeetCode's names.
public enum Verdict: String, Sendable, Codable {
    case accepted = "Accepted"
    case wrongAnswer = "Wrong Answer"
    case timeLimitExceeded = "Time Limit Exceeded"
    case memoryLimitExceeded = "Memory Limit Exceeded"
    case outputLimitExceeded = "Output Limit Exceeded"
    case runtimeError = "Runtime Error"
    case compileError = "Compile Error"
    case internalError = "Internal Error"
}

/// One case's result. Hidden cases carry no data.
public struct CaseResult: Sendable {
    public enum Status: String, Sendable {
        case passed, failed, error
        /// Not reached: the run ended (time, memory, crash) before this case.
        case notRun = "not run"
    }

    public var name: String
    public var hidden: Bool
    public var status: Status
    public var input: String?
    public var expected: String?
    public var actual: String?
    public var message: String?
}

/// Everything a check found.
public struct CheckReport: Sendable {
    public var verdict: Verdict
    public var cases: [CaseResult]
    /// Compiler output, runtime error text or the reason for an internal error.
    public var message: String?
    /// Time spent running the cases (compilation excluded), milliseconds.
    public var timeMs: Int
    public var compileMs: Int
    public var sandboxed: Bool
    public var language: Language

    public var passed: Int { cases.filter { $0.status == .passed }.count }
}
