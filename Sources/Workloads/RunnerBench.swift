import CodeRunner
import DeckFormat
import Foundation
import Spawning

/// The code runner's cost: a whole Python check of removeNthFromEnd (harness, sandbox, verdict), and
/// the same harness run directly with python3, so the sandbox's own overhead shows.
public struct RunnerBench {
    public var exerciseFolder: URL

    public init(exerciseFolder: URL) { self.exerciseFolder = exerciseFolder }

    /// Medians of `runs` rounds; each round times a direct run, a sandboxed run and a whole check one
    /// after another, so load from elsewhere on the machine falls on all three alike. `overhead` is
    /// the median of the per-round differences (sandboxed minus direct).
    public func run(runs: Int) throws -> (
        check: Measure.Summary, direct: Measure.Summary, sandboxed: Measure.Summary, overhead: Measure.Summary
    ) {
        let exercise = try Exercise.load(folder: exerciseFolder)
        let source = try String(contentsOf: exercise.file("solution", .python), encoding: .utf8)
        let checker = Checker()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-bench-run-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let harness = Harness.make(for: exercise, source: source, language: .python)
        for (name, text) in harness.files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let env = ["PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"]
        let limits = Sandbox.Limits(cpuSeconds: 2, memoryBytes: 512 << 20, outputBytes: 1 << 20)
        let sandbox = Sandbox()
        var direct: [Double] = []
        var sandboxed: [Double] = []
        var checks: [Double] = []
        for round in -2..<runs {  // two untimed rounds warm the caches
            let d = try Measure.once {
                _ = try Spawn.runQuietly("/usr/bin/env", ["-C", folder.path] + harness.run, environment: env)
            }
            let s = try Measure.once { _ = try sandbox.run(harness.run, in: folder, limits: limits) }
            let c = try Measure.once {
                let report = try checker.check(exercise, source: source, language: .python)
                if report.verdict != .accepted {
                    throw BenchError.spawn("reference solution not accepted: \(report.verdict)")
                }
            }
            guard round >= 0 else { continue }
            direct.append(d)
            sandboxed.append(s)
            checks.append(c)
        }
        return (
            Measure.Summary(checks), Measure.Summary(direct), Measure.Summary(sandboxed),
            Measure.Summary(zip(sandboxed, direct).map { $0 - $1 })
        )
    }
}
