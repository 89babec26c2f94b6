import Testing

@testable import CodeRunner

/// How a compiler's and a crashed runtime's output is cut down for the learner (the real binary's
/// tests are in CLITests/CheckMessagesTests; these cover the forms too slow to produce there).
@Suite("Compiler and crash messages")
struct RunnerMessagesTests {
    @Test("only the learner's diagnostics, each once; harness errors only as a last resort, without places")
    func compilerMessages() {
        let output = """
            error: emit-module command failed with exit code 1 (use -v to see invocation)
            /work/solution.swift:4:12: error: cannot find 'nope' in scope
            4 |     return nope
              |            `- error: cannot find 'nope' in scope
            /work/solution.swift:3:9: warning: variable 'x' was never mutated
            /work/main.swift:61:1: error: expected 'func' keyword in instance method declaration
            /work/solution.swift:4:12: error: cannot find 'nope' in scope
            4 |     return nope
              |            `- error: cannot find 'nope' in scope
            """
        let message = CompilerMessage.forLearner(output, solution: "solution.swift", function: "f")
        #expect(
            message
                == "solution.swift:4:12: error: cannot find 'nope' in scope\n4 |     return nope\n  |            `- error: cannot find 'nope' in scope"
        )

        let harnessOnly = """
            main.swift:59:37: error: value of type 'Solution' has no member 'f'
            57 | _report(0, _json(Solution().f(1)))
            main.swift:60:37: error: value of type 'Solution' has no member 'f'
            """
        let hint = CompilerMessage.forLearner(harnessOnly, solution: "solution.swift", function: "f")
        #expect(hint.contains("cannot call `f`"))
        #expect(hint.hasSuffix("\nerror: value of type 'Solution' has no member 'f'"), "\(hint)")
        #expect(!hint.contains("main.swift") && !hint.contains("_report"))
    }

    @Test("a crash: the runtime's words and the learner's first frame; nil when neither is there")
    func crashMessages() {
        let trap = """
            Swift/ContiguousArrayBuffer.swift:692: Fatal error: Index out of range

            *** Program crashed: Illegal instruction at 0x00007f726616df7f ***
              2 0x00007ffaeca91f65 specialized Array.subscript.getter + 84 in libswiftSwiftOnoneSupport.so
              3 f(_:) + 147 in main at /work/solution.swift:3:13

                  2|     let a = [1, 2, 3]
              *   3|     return a[n + 10]
                   |             ^
            """
        #expect(
            CrashMessage.summary(trap, solution: "solution.swift")
                == "Fatal error: Index out of range at solution.swift:3:13\n    return a[n + 10]")
        let segfault = """
            *** Program crashed: Bad pointer dereference at 0x0000000000000008 ***
              0 Solution.f() + 12 in main at /work/solution.swift:7:5
            """
        #expect(
            CrashMessage.summary(segfault, solution: "solution.swift")
                == "Program crashed: Bad pointer dereference at solution.swift:7:5")
        #expect(CrashMessage.summary("Segmentation fault\n", solution: "solution.cpp") == nil)
    }
}
