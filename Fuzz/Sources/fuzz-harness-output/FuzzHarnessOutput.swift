import CodeRunner
import DeckFormat
import Foundation
import FuzzSupport

/// What a harness (and the learner's program beside it) wrote to `results.txt`, through
/// `Checker.judge(_:lines:outcome:language:)`, with a real exercise. Properties: never traps; the
/// report has one result per case of the exercise; accepted only when every case passed.
let exercise: Exercise = {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("recall-fuzz-exercise-\(getpid())")
    defer { try? FileManager.default.removeItem(at: folder) }
    let yaml = """
        id: fuzz-exercise
        title: Fuzz
        function: f
        params:
          - {name: xs, type: "int[]"}
        returns: "double[]"
        compare: exact
        cases:
          - {name: exact, input: [[1, 2]], expected: [1.0, 2.0]}
          - {name: float, input: [[3]], expected: [0.5], compare: float}
          - {name: unordered, input: [[]], expected: [2.0, 1.0], compare: unordered}
          - {name: any, input: [[4]], expected: [[1.0], [2.0]], compare: any-of}
          - {name: secret, input: [[5]], expected: [], hidden: true}
        """
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try yaml.write(to: folder.appendingPathComponent("exercise.yaml"), atomically: true, encoding: .utf8)
        try "Fuzz.".write(to: folder.appendingPathComponent("prompt.md"), atomically: true, encoding: .utf8)
        return try Exercise.load(folder: folder)
    } catch {
        fatalError("the fuzz exercise does not load: \(error)")
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHarnessOutput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let lines = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let outcome = Sandbox.Outcome(
        status: 0, signal: nil, timedOut: false, outputExceeded: false, stdout: "", stderr: "", wallMs: 10)
    let report = Checker.judge(exercise, lines: lines, outcome: outcome, language: .python)
    require(
        report.cases.count == exercise.cases.count, "\(report.cases.count) results for \(exercise.cases.count) cases")
    if report.verdict == .accepted {
        require(report.cases.allSatisfy { $0.status == .passed }, "accepted with a case not passed")
    }
    return 0
}

@_cdecl("fuzz_harness_output_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzzHarnessOutput)
}
