import CodeRunner
import DeckFormat
import Foundation

/// The code runner's cost: a whole Python check of removeNthFromEnd (harness, sandbox, verdict), and
/// the same harness run directly with python3, so the sandbox's own overhead shows.
public struct RunnerBench {
    public var exerciseFolder: URL

    public init(exerciseFolder: URL) { self.exerciseFolder = exerciseFolder }

    public func run(runs: Int) throws -> (check: Measure.Summary, direct: Measure.Summary, sandboxed: Measure.Summary) {
        let exercise = try Exercise.load(folder: exerciseFolder)
        let source = try String(contentsOf: exercise.file("solution", .python), encoding: .utf8)
        let checker = Checker()
        let check = try Measure.repeated(runs) { _ in
            let report = try checker.check(exercise, source: source, language: .python)
            if report.verdict != .accepted { throw BenchError.spawn("reference solution not accepted: \(report.verdict)") }
        }
        // The harness alone, run twice: directly, and through the sandbox.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-bench-run-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let harness = Harness.make(for: exercise, source: source, language: .python)
        for (name, text) in harness.files { try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        let env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let direct = try Measure.repeated(runs) { _ in
            _ = try Spawn.run("/usr/bin/env", ["-C", folder.path] + harness.run, environment: env)
        }
        let limits = Sandbox.Limits(cpuSeconds: 2, memoryBytes: 512 << 20, outputBytes: 1 << 20)
        let sandboxed = try Measure.repeated(runs) { _ in _ = try Sandbox().run(harness.run, in: folder, limits: limits) }
        return (check, direct, sandboxed)
    }
}
