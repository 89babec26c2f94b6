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
                report.message = Self.compilerMessage(outcome.stderr + outcome.stdout, solution: harness.solutionName)
                report.cases = exercise.cases.map { Self.result($0, status: .notRun) }
                return report
            }
        }

        let limits = Sandbox.Limits(
            cpuSeconds: exercise.limits.cpuSeconds, memoryBytes: exercise.limits.memoryMB << 20,
            outputBytes: exercise.limits.outputKB << 10)
        let outcome = try box.run(harness.run, in: folder, limits: limits)
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
        var results: [Int: (ok: Bool, text: String, kind: String)] = [:]
        for line in lines.split(separator: "\n") {
            if line.hasPrefix("COMPILE ") {
                report.verdict = .compileError
                report.message = Value.parse(json: String(line.dropFirst(8))).flatMap {
                    if case .string(let s) = $0 { return s } else { return nil }
                }
                report.cases = exercise.cases.map { result($0, status: .notRun) }
                return report
            }
            let parts = line.split(separator: " ", maxSplits: 3).map(String.init)
            guard parts.count >= 3, parts[0] == "RESULT", let index = Int(parts[1]) else { continue }
            if parts[2] == "OK" {
                results[index] = (true, parts.count > 3 ? parts[3] : "", "")
            } else if parts.count == 4 {
                let rest = parts[3].split(separator: " ", maxSplits: 1).map(String.init)
                let message =
                    rest.count > 1
                    ? Value.parse(json: rest[1]).map { v -> String in
                        if case .string(let s) = v { return s }
                        return v.description
                    } ?? rest[1] : ""
                results[index] = (false, message, rest.first ?? "exception")
            }
        }

        var firstError: String?
        var memory = false
        for (index, testCase) in exercise.cases.enumerated() {
            guard let r = results[index] else {
                report.cases.append(result(testCase, status: .notRun))
                continue
            }
            if !r.ok {
                if r.kind == "memory" { memory = true }
                firstError =
                    firstError ?? "case \(testCase.hidden ? "#\(index + 1) (hidden)" : "'\(testCase.name)'"): \(r.text)"
                var res = result(testCase, status: .error)
                res.message = r.text
                report.cases.append(res)
                continue
            }
            guard let actual = Value.parse(json: r.text) else {
                var res = result(testCase, status: .error)
                res.message = "the harness could not read the result: \(r.text.prefix(200))"
                report.cases.append(res)
                firstError = firstError ?? res.message
                continue
            }
            let passed = Comparison.matches(
                actual, testCase.expected, mode: testCase.compare, tolerance: exercise.tolerance)
            var res = result(testCase, status: passed ? .passed : .failed)
            if !testCase.hidden { res.actual = actual.description }
            report.cases.append(res)
        }

        let missing = report.cases.contains { $0.status == .notRun }
        let crashed = outcome.signal != nil || (outcome.status ?? 0) != 0
        // Under bwrap a signal comes back as exit status 128 + signal.
        let signal = outcome.signal ?? ((outcome.status ?? 0) > 128 ? (outcome.status ?? 0) - 128 : nil)
        // The CPU limit ends a run with SIGXCPU or, at the hard limit, SIGKILL.
        let cpuLimited =
            signal == SIGXCPU || (signal == SIGKILL && Double(outcome.wallMs) >= exercise.limits.cpuSeconds * 900)
        if outcome.timedOut || cpuLimited {
            report.verdict = .timeLimitExceeded
            report.message =
                "stopped after \(outcome.timedOut ? "\(outcome.wallMs) ms of wall-clock time" : "the CPU-time limit") (limit \(exercise.limits.cpuSeconds) s CPU)"
        } else if outcome.outputExceeded {
            report.verdict = .outputLimitExceeded
            report.message = "printed more than \(exercise.limits.outputKB) KiB"
        } else if memory || (crashed && outcome.stderr.contains("bad_alloc"))
            || (crashed && outcome.stderr.contains("MemoryError"))
        {
            report.verdict = .memoryLimitExceeded
            report.message =
                "ran out of the \(exercise.limits.memoryMB) MiB memory limit" + (firstError.map { " (\($0))" } ?? "")
        } else if firstError != nil || crashed || missing {
            report.verdict = .runtimeError
            let firstMissing = report.cases.firstIndex { $0.status == .notRun }
            let how =
                signal.map { "killed by signal \($0): \(Self.signalName($0))" } ?? "exit status \(outcome.status ?? -1)"
            let stderr = outcome.stderr.split(separator: "\n").suffix(6).joined(separator: "\n")
            report.message =
                firstError
                ?? "the program ended (\(how)) during case #\((firstMissing ?? 0) + 1)\(stderr.isEmpty ? "" : ":\n" + stderr)"
        } else if report.cases.contains(where: { $0.status == .failed }) {
            report.verdict = .wrongAnswer
        } else {
            report.verdict = .accepted
        }
        return report
    }

    static func result(_ c: Exercise.Case, status: CaseResult.Status) -> CaseResult {
        CaseResult(
            name: c.hidden ? "hidden" : c.name, hidden: c.hidden, status: status,
            input: c.hidden ? nil : c.input.map(\.description).joined(separator: ", "),
            expected: c.hidden ? nil : c.expected.description, actual: nil, message: nil)
    }

    /// The compiler's messages about the learner's file (harness lines are noise to the learner).
    static func compilerMessage(_ text: String, solution: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let relevant = lines.filter { $0.contains(solution) || $0.hasPrefix(" ") || $0.contains("error") }
        let chosen = (relevant.isEmpty ? lines : relevant).prefix(40).joined(separator: "\n")
        return chosen.replacingOccurrences(of: "/work/", with: "")
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
