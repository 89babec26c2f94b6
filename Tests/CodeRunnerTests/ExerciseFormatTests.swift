import CodeRunner
import DeckFormat
import Foundation
import RecallTestSupport
import Testing

/// exercise.yaml: what loads, what is refused (with its line), and the compare modes end to end.
@Suite("Exercise format")
struct ExerciseFormatTests {
    // Found with Fuzz/ (fuzz-harness-output): a program printing deeply nested arrays overflowed
    // the stack of the parser, crashing Recall.
    @Test("JSON values nest at most 256 arrays deep; deeper is refused, not a crash")
    func nestingLimit() {
        func nested(_ depth: Int) -> String {
            String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        }
        #expect(Value.parse(json: nested(256)) != nil)
        #expect(Value.parse(json: nested(257)) == nil)
        #expect(Value.parse(json: String(repeating: "[", count: 300_000)) == nil)
    }

    /// A folder holding `exercise.yaml` with `yaml` and a prompt.
    func folder(_ yaml: String) throws -> TemporaryFolder {
        let folder = try TemporaryFolder("recall-exercise")
        try folder.write("exercise.yaml", yaml)
        try folder.write("prompt.md", "Do the thing.\n")
        return folder
    }

    func issue(_ yaml: String) throws -> DeckIssue? {
        let folder = try folder(yaml)
        defer { folder.remove() }
        do {
            _ = try Exercise.load(folder: folder.url)
            return nil
        } catch let issue as DeckIssue {
            return issue
        }
    }

    static let header = """
        id: pair-sum
        title: Pair sum
        function: pairSum
        params:
          - {name: nums, type: "int[]"}
          - {name: k, type: int}
        returns: "int[]"
        cases:

        """

    @Test("limits: at their maximum (30 s, 4096 MiB, 16384 KiB) load; one past, or 0, is refused with its line")
    func limitsBounded() throws {
        let cases = "  - {input: [[1, 2], 3], expected: [0, 1]}\n"
        func yaml(_ limits: String) -> String { Self.header + cases + "limits: {\(limits)}\n" }
        let folder = try folder(yaml("cpu_seconds: 30, memory_mb: 4096, output_kb: 16384"))
        defer { folder.remove() }
        let limits = try Exercise.load(folder: folder.url).limits
        #expect(limits.cpuSeconds == 30 && limits.memoryMB == 4_096 && limits.outputKB == 16_384)
        for (past, key) in [
            ("cpu_seconds: 30.001", "cpu_seconds"), ("memory_mb: 4097", "memory_mb"), ("output_kb: 16385", "output_kb"),
            ("cpu_seconds: 0", "cpu_seconds"), ("memory_mb: -1", "memory_mb"), ("output_kb: lots", "output_kb"),
        ] {
            let issue = try issue(yaml(past))
            #expect(issue?.line == 10, "\(past): \(String(describing: issue))")
            #expect(issue?.message.contains("limits.\(key) must be a number above 0 and at most") == true, "\(past)")
        }
    }

    @Test("a valid exercise loads with its signature, defaults and prompt")
    func loads() throws {
        let folder = try folder(
            Self.header
                + "  - {name: a, input: [[1, 2], 3], expected: [0, 1]}\n  - {input: [[5], 5], expected: [0], hidden: true}\n"
        )
        defer { folder.remove() }
        let exercise = try Exercise.load(folder: folder.url)
        #expect(exercise.id == "pair-sum")
        #expect(exercise.parameters.map(\.name) == ["nums", "k"])
        #expect(exercise.cases.count == 2)
        #expect(exercise.cases[1].name == "case-2")
        #expect(exercise.cases[1].hidden)
        #expect(exercise.cases[0].compare == .exact)
        #expect(exercise.limits.cpuSeconds == 2 && exercise.limits.memoryMB == 512 && exercise.limits.outputKB == 1024)
        #expect(exercise.prompt == "Do the thing.\n")
    }

    @Test("a case with the wrong number of inputs is refused at its line")
    func inputCount() throws {
        let issue = try #require(
            try issue(
                Self.header
                    + "  - {name: a, input: [[1, 2], 3], expected: [0, 1]}\n  - {name: b, input: [[1, 2]], expected: [0]}\n"
            ))
        #expect(issue.line == 10, "\(issue)")
        #expect(issue.message.contains("1 inputs for 2 parameters"), "\(issue)")
        #expect(issue.description.contains("exercise.yaml:10"), "\(issue)")
    }

    @Test("a value of the wrong type is refused, naming the parameter")
    func wrongType() throws {
        let issue = try #require(
            try issue(Self.header + "  - name: a\n    input: [[1, \"two\"], 3]\n    expected: [0, 1]\n"))
        #expect(issue.line == 10, "\(issue)")
        #expect(issue.message.contains("nums"), "\(issue)")
    }

    @Test("an unknown type, an unknown compare mode and a bad any-of are each refused")
    func badDeclarations() throws {
        let unknownType = try #require(
            try issue(
                Self.header.replacingOccurrences(of: "type: int}", with: "type: long}")
                    + "  - {input: [[1], 1], expected: [0]}\n"))
        #expect(unknownType.line == 6 && unknownType.message.contains("long"), "\(unknownType)")
        let badCompare = try #require(try issue(Self.header + "  - {input: [[1], 1], expected: [0], compare: fuzzy}\n"))
        #expect(badCompare.line == 9 && badCompare.message.contains("compare"), "\(badCompare)")
        let anyOf = try #require(try issue(Self.header + "  - {input: [[1], 1], expected: 3, compare: any-of}\n"))
        #expect(anyOf.message.contains("any-of"), "\(anyOf)")
        let noCases = try #require(try issue(Self.header))
        #expect(noCases.message.contains("cases"), "\(noCases)")
    }

    @Test("float, unordered and any-of compare as declared, in the real sandbox")
    func compareModes() throws {
        let folder = try folder(
            """
            id: modes
            title: Modes
            function: f
            params: [{name: x, type: double}]
            returns: "double[]"
            tolerance: 1.0e-3
            cases:
              - {name: float, input: [1.0], expected: [0.3333], compare: float}
              - {name: unordered, input: [2.0], expected: [3.0, 1.0, 2.0], compare: unordered}
              - {name: any-of, input: [3.0], expected: [[9.0], [3.0]], compare: any-of}

            """)
        defer { folder.remove() }
        let exercise = try Exercise.load(folder: folder.url)
        let right = """
            def f(x):
                if x == 1.0: return [1 / 3]
                if x == 2.0: return [1.0, 2.0, 3.0]
                return [3.0]
            """
        let accepted = try Checker.patient().check(exercise, source: right, language: .python)
        #expect(accepted.verdict == .accepted, "\(accepted.cases)")
        let wrong = """
            def f(x):
                if x == 1.0: return [0.34]
                if x == 2.0: return [1.0, 2.0, 2.0]
                return [4.0]
            """
        let rejected = try Checker.patient().check(exercise, source: wrong, language: .python)
        #expect(rejected.verdict == .wrongAnswer)
        #expect(rejected.cases.map(\.status) == [.failed, .failed, .failed])
        #expect(rejected.cases[0].actual == "[0.34]")
    }

    @Test("a learner's own prints do not disturb the results")
    func printsIgnored() throws {
        let exercise = try Exercise.load(
            folder: RecallProcess.repositoryRoot.appendingPathComponent("Decks/coding/remove-nth-from-end"))
        let solution = try String(contentsOf: exercise.file("solution", .python), encoding: .utf8)
        let noisy =
            solution + "\nprint('RESULT 0 OK [42]')\nimport sys\nsys.stderr.write('RESULT 1 ERR exception \"x\"\\n')\n"
        let report = try Checker.patient().check(exercise, source: noisy, language: .python)
        #expect(report.verdict == .accepted, "\(report.message ?? "") \(report.cases)")
    }
}
