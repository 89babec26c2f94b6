import DeckFormat
import Foundation

/// Checks a solution against an exercise's cases: generates the harness, compiles and runs it in
/// the sandbox (all cases in one process), and turns what came back into a verdict per case.
public struct Checker: Sendable {
    public var sandbox: Sandbox

    /// At most one check per core at a time in this process: compilers are heavy, and many at once
    /// can exhaust the machine's process and thread limits.
    static let slots = DispatchSemaphore(value: max(ProcessInfo.processInfo.activeProcessorCount, 1))
    /// Unprivileged uids handed to concurrent checks when running as root (one each).
    static let uids = UIDPool(first: 61_000, count: max(ProcessInfo.processInfo.activeProcessorCount, 1))

    public init(sandbox: Sandbox = Sandbox()) {
        self.sandbox = sandbox
    }

    /// `allowUnsandboxed`: run code from a remote deck even without bwrap.
    public func check(
        _ exercise: Exercise, source: String, language: Language, remote: Bool = false, allowUnsandboxed: Bool = false
    ) throws -> CheckReport {
        if !sandbox.isIsolated && remote && !allowUnsandboxed { throw RunnerError.noSandbox(exercise.id) }
        Self.slots.wait()
        defer { Self.slots.signal() }
        let uid = Self.uids.take()
        defer { Self.uids.give(uid) }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "recall-run-\(UUID().uuidString.prefix(12))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let harness = Harness.make(for: exercise, source: source, language: language)
        for (name, text) in harness.files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        var box = sandbox
        box.unprivilegedUID = uid
        if language == .swift {
            guard let toolchain = SwiftToolchain.locate() else {
                throw RunnerError.internal(
                    "no Swift compiler found: install Swift, or set RECALL_SWIFTC to swiftc's path")
            }
            if let root = toolchain.root { box.readOnly.append(root) }
        }
        try box.verifyStarts(in: folder)
        var report = CheckReport(
            verdict: .accepted, cases: [], message: nil, timeMs: 0, compileMs: 0, sandboxed: box.isIsolated,
            language: language)

        if let compile = harness.compile {
            // Compilers need far more room than solutions; they are still sandboxed.
            var limits = Sandbox.Limits(cpuSeconds: 60, memoryBytes: 4 << 30, outputBytes: 1 << 20)
            limits.fileBytes = 256 << 20
            limits.openFiles = 1024
            limits.extraProcesses = 1024  // compilers run many threads, and RLIMIT_NPROC counts threads
            let outcome = try box.run(compile, in: folder, limits: limits)
            report.compileMs = outcome.wallMs
            if outcome.status != 0 || outcome.timedOut {
                report.verdict = .compileError
                report.message = CompilerMessage.forLearner(
                    outcome.stderr + outcome.stdout, solution: harness.solutionName, function: exercise.function)
                report.cases = exercise.cases.map { Self.result($0, status: .notRun) }
                return report
            }
        }

        let limits = Sandbox.Limits(
            cpuSeconds: exercise.limits.cpuSeconds, memoryBytes: exercise.limits.memoryMB << 20,
            outputBytes: exercise.limits.outputKB << 10)
        let outcome = try box.run(harness.run, in: folder, limits: limits, environment: harness.runEnvironment)
        report.timeMs = outcome.wallMs
        switch Self.results(in: folder, limit: limits.fileBytes) {
        case .success(let lines):
            return Self.judge(exercise, lines: lines, outcome: outcome, into: report)
        case .failure(let failure):
            report.verdict = .runtimeError
            let what: String
            switch failure {
            case .symlink: what = "was replaced by a symlink"
            case .notRegularFile: what = "was replaced by something other than a file"
            case .tooLarge(let bytes, let limit): what = "holds \(bytes) bytes, over the run's limit of \(limit)"
            case .cannotRead(let reason): what = "cannot be read (\(reason))"
            }
            report.message = "the harness's results.txt \(what); a solution must not touch that file"
            report.cases = exercise.cases.map { Self.result($0, status: .notRun) }
            return report
        }
    }

    /// The harness's `results.txt`, written by the learner's program's process: read as a deck file
    /// is (no symlink followed — the program could point it at any file of the host, or a FIFO —
    /// and no more than the run's file-size limit). A missing file reads as empty (no case ran).
    static func results(in folder: URL, limit: Int) -> Result<String, DeckFile.Failure> {
        let url = folder.appendingPathComponent("results.txt")
        var info = stat()
        if lstat(url.path, &info) != 0 && errno == ENOENT { return .success("") }
        return DeckFile.read(url, maxBytes: limit).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The report for a run whose harness wrote `lines` (`results.txt`: `RESULT <case> OK <json>`,
    /// `RESULT <case> ERR <kind> <json>`, or `COMPILE <json>`). Public for the fuzz target (Fuzz/):
    /// the learner's program can write anything there.
    public static func judge(_ exercise: Exercise, lines: String, outcome: Sandbox.Outcome, language: Language)
        -> CheckReport
    {
        let base = CheckReport(
            verdict: .accepted, cases: [], message: nil, timeMs: outcome.wallMs, compileMs: 0, sandboxed: true,
            language: language)
        return judge(exercise, lines: lines, outcome: outcome, into: base)
    }

    static func judge(_ exercise: Exercise, lines: String, outcome: Sandbox.Outcome, into base: CheckReport)
        -> CheckReport
    {
        var report = base
        let results = HarnessResults.parse(lines)
        if let failure = results.compileFailure {
            report.verdict = .compileError
            report.message = failure.message
            report.cases = exercise.cases.map { result($0, status: .notRun) }
            return report
        }
        let graded = grade(exercise, results)
        report.cases = graded.cases
        let (verdict, message) = verdict(
            exercise, graded, outcome: outcome, solution: "solution.\(report.language.fileExtension)")
        report.verdict = verdict
        if let message { report.message = message }
        return report
    }

    /// Each case's result, with the first error's message and whether a case ran out of memory.
    struct Graded {
        var cases: [CaseResult] = []
        var firstError: String?
        var memory = false
    }

    /// Compares what each case returned with what it expects.
    static func grade(_ exercise: Exercise, _ results: HarnessResults) -> Graded {
        var graded = Graded()
        for (index, testCase) in exercise.cases.enumerated() {
            switch results.cases[index] {
            case nil:
                graded.cases.append(result(testCase, status: .notRun))
            case .failed(let kind, let text):
                if kind == "memory" { graded.memory = true }
                graded.firstError =
                    graded.firstError
                    ?? "case \(testCase.hidden ? "#\(index + 1) (hidden)" : "'\(testCase.name)'"): \(text)"
                var res = result(testCase, status: .error)
                res.message = text
                graded.cases.append(res)
            case .returned(let json):
                guard let actual = Value.parse(json: json) else {
                    var res = result(testCase, status: .error)
                    res.message = "the harness could not read the result: \(json.prefix(200))"
                    graded.cases.append(res)
                    graded.firstError = graded.firstError ?? res.message
                    continue
                }
                let passed = Comparison.matches(
                    actual, testCase.expected, mode: testCase.compare, tolerance: exercise.tolerance)
                var res = result(testCase, status: passed ? .passed : .failed)
                if !testCase.hidden { res.actual = actual.description }
                graded.cases.append(res)
            }
        }
        return graded
    }

    /// The verdict for graded cases and how the run ended, with its message (nil when there is
    /// nothing to add: a wrong answer, or accepted).
    /// `solution` is the learner's file name in the run folder (`solution.swift`).
    static func verdict(_ exercise: Exercise, _ graded: Graded, outcome: Sandbox.Outcome, solution: String) -> (
        Verdict, String?
    ) {
        let missing = graded.cases.contains { $0.status == .notRun }
        let crashed = outcome.signal != nil || (outcome.status ?? 0) != 0
        // Under bwrap a signal comes back as exit status 128 + signal.
        let signal = outcome.signal ?? ((outcome.status ?? 0) > 128 ? (outcome.status ?? 0) - 128 : nil)
        // The CPU limit ends a run with SIGXCPU or, at the hard limit, SIGKILL.
        let cpuLimited =
            signal == SIGXCPU || (signal == SIGKILL && Double(outcome.wallMs) >= exercise.limits.cpuSeconds * 900)
        if outcome.timedOut || cpuLimited {
            return (
                .timeLimitExceeded,
                "stopped after \(outcome.timedOut ? "\(outcome.wallMs) ms of wall-clock time" : "the CPU-time limit") (limit \(exercise.limits.cpuSeconds) s CPU)"
            )
        }
        if outcome.outputExceeded {
            return (.outputLimitExceeded, "printed more than \(exercise.limits.outputKB) KiB")
        }
        if graded.memory || (crashed && outcome.stderr.contains("bad_alloc"))
            || (crashed && outcome.stderr.contains("MemoryError"))
        {
            return (
                .memoryLimitExceeded,
                "ran out of the \(exercise.limits.memoryMB) MiB memory limit"
                    + (graded.firstError.map { " (\($0))" } ?? "")
            )
        }
        if graded.firstError != nil || crashed || missing {
            if let firstError = graded.firstError { return (.runtimeError, firstError) }
            let which: String
            if let firstMissing = graded.cases.firstIndex(where: { $0.status == .notRun }),
                exercise.cases.indices.contains(firstMissing)
            {
                let testCase = exercise.cases[firstMissing]
                which = testCase.hidden ? "case #\(firstMissing + 1) (hidden)" : "case '\(testCase.name)'"
            } else {
                which = "after the last case"
            }
            // The runtime's own words and the learner's line, when it said them (a Swift trap).
            if let crash = CrashMessage.summary(outcome.stderr, solution: solution) {
                return (.runtimeError, "\(which): \(crash)")
            }
            let how =
                signal.map { "killed by signal \($0): \(Self.signalName($0))" } ?? "exit status \(outcome.status ?? -1)"
            let stderr = outcome.stderr.split(separator: "\n").suffix(6).joined(separator: "\n")
            return (
                .runtimeError,
                "the program ended (\(how)) \(which.hasPrefix("case") ? "during " : "")\(which)\(stderr.isEmpty ? "" : ":\n" + stderr)"
            )
        }
        return (graded.cases.contains { $0.status == .failed } ? .wrongAnswer : .accepted, nil)
    }

    static func result(_ c: Exercise.Case, status: CaseResult.Status) -> CaseResult {
        CaseResult(
            name: c.hidden ? "hidden" : c.name, hidden: c.hidden, status: status,
            input: c.hidden ? nil : c.input.map(\.description).joined(separator: ", "),
            expected: c.hidden ? nil : c.expected.description, actual: nil, message: nil)
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGSEGV: return "segmentation fault"
        case SIGABRT: return "abort"
        case SIGKILL: return "killed"
        case SIGFPE: return "arithmetic error"
        case SIGILL: return "illegal instruction (a Swift runtime trap)"
        case SIGTRAP: return "trap (a Swift runtime check)"
        case SIGBUS: return "bus error"
        default: return "signal \(signal)"
        }
    }
}

/// A small set of uids shared by concurrent checks.
final class UIDPool: @unchecked Sendable {  // guarded by `lock`
    private var free: [uid_t]
    private let lock = NSLock()

    init(first: uid_t, count: Int) { free = (0..<count).map { first + uid_t($0) } }

    /// Callers hold a `Checker.slots` permit, so one is always free.
    func take() -> uid_t {
        lock.lock()
        defer { lock.unlock() }
        return free.popLast() ?? Sandbox.nobody
    }

    func give(_ uid: uid_t) {
        lock.lock()
        free.append(uid)
        lock.unlock()
    }
}
