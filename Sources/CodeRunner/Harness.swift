import DeckFormat
import Foundation

/// A program that runs a learner's solution on every case of an exercise in one process and
/// writes one line per case to `results.txt`:
/// `RESULT <index> OK <json>` or `RESULT <index> ERR <memory|exception> <json message>`.
public struct Harness {
    /// Files to write into the run folder.
    public var files: [String: String]
    /// Compile step (nil for Python), run inside the sandbox with the compile limits.
    public var compile: [String]?
    public var run: [String]
    /// Added to the run's environment (Swift: how its runtime reports a crash).
    public var runEnvironment: [String: String] = [:]
    /// The file name the learner's code is reported under in messages.
    var solutionName: String

    public static func make(for exercise: Exercise, source: String, language: Language) -> Harness {
        switch language {
        case .python: return PythonHarness.make(exercise, source)
        case .cpp: return CppHarness.make(exercise, source)
        case .swift: return SwiftHarness.make(exercise, source)
        }
    }

    /// Whether the source defines a LeetCode-style `Solution` class (else a plain function is called).
    static func definesSolutionClass(_ source: String) -> Bool {
        source.range(of: #"(class|struct)\s+Solution\b"#, options: .regularExpression) != nil
    }
}
