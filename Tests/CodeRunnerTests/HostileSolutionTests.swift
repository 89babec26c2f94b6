import CodeRunner
import DeckFormat
import Foundation
import RecallTestSupport
import Testing

/// Solutions that attack the host: each gets the right verdict and the host is untouched.
// Serialized: a fork bomb keeps 64 processes spinning until the wall-clock kill, and a check
// running beside it gets a 65th of the CPU and can time out (seen once in CI: the network test).
@Suite("Hostile solutions", .serialized)
struct HostileSolutionTests {
    static var exercise: Exercise {
        get throws {
            try Exercise.load(
                folder: RecallProcess.repositoryRoot.appendingPathComponent("Decks/coding/remove-nth-from-end"))
        }
    }

    /// Checks `body` (for Python, the method's body). The checker is patient unless a test says
    /// otherwise: only the infinite loop and the sleep are meant to time out.
    func run(_ body: String, language: Language = .python, checker: Checker = .patient()) throws -> CheckReport {
        let source: String
        switch language {
        case .python:
            source =
                "class Solution:\n    def removeNthFromEnd(self, head, n):\n"
                + body.split(separator: "\n").map { "        " + $0 }.joined(separator: "\n") + "\n"
        default: source = body
        }
        return try checker.check(Self.exercise, source: source, language: language)
    }

    @Test("an infinite loop is stopped by the CPU limit: Time Limit Exceeded")
    func infiniteLoop() throws {
        #expect(try run("while True:\n    pass").verdict == .timeLimitExceeded)
    }

    @Test("sleeping forever is stopped by the wall clock: Time Limit Exceeded")
    func sleep() throws {
        // The product's own wall clock: however slow the machine, a sleeper cannot beat it.
        let report = try run("import time\ntime.sleep(600)", checker: .strict)
        #expect(report.verdict == .timeLimitExceeded)
        #expect(report.message?.contains("of wall-clock time") == true, "\(report.message ?? "")")
        let limit = try Sandbox.Limits(cpuSeconds: Self.exercise.limits.cpuSeconds, memoryBytes: 0, outputBytes: 0)
        #expect(Double(report.timeMs) >= limit.wallSeconds * 1000)
    }

    @Test("a fork bomb is contained and the host keeps working")
    func forkBomb() throws {
        // The product's wall clock, to keep the bomb's time short: it is never Accepted either way.
        let report = try run(
            "import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass", checker: .strict)
        #expect(report.verdict != .accepted)
        #expect([.timeLimitExceeded, .runtimeError].contains(report.verdict))
        // The host can still start processes.
        #expect(try Shell.output("/bin/echo", ["alive"]) == "alive\n")
    }

    @Test("a 4 GiB allocation: Memory Limit Exceeded")
    func hugeAllocation() throws {
        #expect(try run("x = bytearray(4 * 1024 ** 3)\nreturn head").verdict == .memoryLimitExceeded)
        let cpp = try run(
            "class Solution { public: ListNode* removeNthFromEnd(ListNode* h, int n) { std::vector<char> v(4ull << 30, 1); return v[5] ? h : h; } };",
            language: .cpp)
        #expect(cpp.verdict == .memoryLimitExceeded)
    }

    @Test("100 MB of output: Output Limit Exceeded")
    func floodOutput() throws {
        #expect(
            try run("import sys\nsys.stdout.write('x' * (100 * 1024 * 1024))\nreturn head").verdict
                == .outputLimitExceeded)
    }

    @Test("no network: a connection attempt fails inside the sandbox")
    func network() throws {
        let report = try run("import socket\nsocket.create_connection(('1.1.1.1', 53), timeout=2)\nreturn head")
        #expect(report.verdict == .runtimeError)
        #expect(
            report.message?.contains("OSError") == true || report.message?.contains("Network") == true,
            "\(report.message ?? "")")
    }

    @Test("writing outside the run folder does not reach the host")
    func writeOutside() throws {
        let target = "/tmp/recall-escape-\(UUID().uuidString)"
        _ = try run("open('\(target)', 'w').write('escaped')\nopen('/usr/recall-escape', 'w')\nreturn head")
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(!FileManager.default.fileExists(atPath: "/usr/recall-escape"))
    }

    @Test("the user's home and ~/.ssh are not visible")
    func readHome() throws {
        let home = FileManager.default.homeDirectoryForCurrentUser.path
        let secret = try TemporaryFolder("recall-ssh")
        defer { secret.remove() }
        try secret.write("id_ed25519", "SECRET-KEY")
        let report = try run(
            "print(open('\(secret.path)/id_ed25519').read())\nprint(open('\(home)/.ssh/id_rsa').read())\nreturn head")
        #expect(report.verdict == .runtimeError)
        #expect(report.message?.contains("FileNotFoundError") == true, "\(report.message ?? "")")
    }

    @Test("killing the parent does not touch the host")
    func killParent() throws {
        let report = try run(
            "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)\nos.kill(1, signal.SIGKILL)\nreturn head")
        #expect(report.verdict != .internalError)
        #expect(getppid() > 1)  // this test process is still here
    }

    @Test("a child left running after exit is killed")
    func strayChild() throws {
        // The child would sleep for an hour: gone within the deadline means the sandbox killed it.
        let marker = "recall-stray-\(UUID().uuidString.prefix(8))"
        _ = try run(
            "import subprocess\nsubprocess.Popen(['/bin/sh', '-c', 'sleep 3600 # \(marker)'], start_new_session=True)\nreturn head"
        )
        let stray = { try Shell.output("/usr/bin/pgrep", ["-f", marker]).split(separator: "\n") }
        let gone = try Patience.poll { try stray().isEmpty }
        for pid in try stray() { kill(pid_t(String(pid)) ?? 0, SIGKILL) }  // tidy up after a failure
        #expect(gone, "a child of the solution outlived the check")
    }

    @Test("a solution that points results.txt at a forged file of the host is not Accepted")
    func forgedResults() throws {
        // The harness keeps writing to the unlinked file; before the fix the checker followed the
        // symlink and read the forged lines, so a wrong solution was Accepted.
        let folder = try TemporaryFolder("recall-forged")
        defer { folder.remove() }
        let exercise = try Self.exercise
        let forged = try folder.write(
            "forged.txt",
            exercise.cases.indices.map { "RESULT \($0) OK \(exercise.cases[$0].expected)\n" }.joined())
        let report = try run(
            """
            import os
            if not os.path.islink('results.txt'):
                os.unlink('results.txt')
                os.symlink('\(forged.path)', 'results.txt')
            return head
            """)
        #expect(report.verdict == .runtimeError, "\(report.verdict): \(report.message ?? "")")
        #expect(report.message?.contains("results.txt was replaced by a symlink") == true, "\(report.message ?? "")")
    }

    @Test("compile errors point at the learner's own lines")
    func compileErrors() throws {
        let cpp = try run(
            "class Solution {\npublic:\n  ListNode* removeNthFromEnd(ListNode* h, int n) {\n    return undefined_name;\n  }\n};",
            language: .cpp)
        #expect(cpp.verdict == .compileError)
        #expect(cpp.message?.contains("solution.cpp:4") == true, "\(cpp.message ?? "")")
        let py = try run("return (", language: .python)
        #expect(py.verdict == .compileError)
        #expect(py.message?.contains("solution.py:3") == true, "\(py.message ?? "")")
        let swift = try run(
            "class Solution {\n  func removeNthFromEnd(_ h: ListNode?, _ n: Int) -> ListNode? {\n    return nope\n  }\n}",
            language: .swift)
        #expect(swift.verdict == .compileError)
        #expect(swift.message?.contains("solution.swift:3") == true, "\(swift.message ?? "")")
    }

    @Test("without bwrap: a warning, local exercises run under rlimits, remote ones are refused")
    func noBwrap() throws {
        let bare = Checker.patient(bwrap: nil)
        let solution = try String(contentsOf: Self.exercise.file("solution", .python), encoding: .utf8)
        let local = try bare.check(Self.exercise, source: solution, language: .python)
        #expect(local.verdict == .accepted)
        #expect(!local.sandboxed)
        #expect(throws: RunnerError.self) {
            try bare.check(Self.exercise, source: solution, language: .python, remote: true)
        }
        let allowed = try bare.check(
            Self.exercise, source: solution, language: .python, remote: true, allowUnsandboxed: true)
        #expect(allowed.verdict == .accepted)
        #expect(try run("while True:\n    pass", checker: bare).verdict == .timeLimitExceeded)
    }
}

enum Shell {
    static func output(_ path: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
