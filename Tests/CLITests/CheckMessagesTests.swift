import Foundation
import RecallTestSupport
import Testing

/// What `recall check` tells the learner: a Swift crash in the runtime's own words at the learner's
/// line, compile errors in the learner's file only, a sandbox that cannot start as a setup problem,
/// and a solution file refused (language, size) before anything is run or kept. Few Swift
/// solutions on purpose: each one is a compile of several seconds.
@Suite("recall check: crashes, compile errors, a broken sandbox, the solution file", .serialized)
struct CheckMessagesTests {
    static let exercise = RecallProcess.repositoryRoot.appendingPathComponent("Decks/coding/remove-nth-from-end")
    static let key = "coding/remove-nth-from-end"

    /// A home holding only removeNthFromEnd (deck `coding`), and a folder for solutions.
    func prepare() throws -> (home: TemporaryFolder, work: TemporaryFolder) {
        let home = try TemporaryFolder("recall-home")
        let work = try TemporaryFolder("recall-work")
        try work.write("decks/coding/deck.yaml", "deck: coding\ntitle: Coding\n")
        try FileManager.default.copyItem(
            at: Self.exercise, to: work.url.appendingPathComponent("decks/coding/remove-nth-from-end"))
        let imported = try RecallProcess.run(["import", work.path + "/decks/coding"], home: home.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        return (home, work)
    }

    /// The verdicts logged in the notebook (table exercise_attempt).
    func logged(_ home: TemporaryFolder) throws -> String {
        try ChildProcess.run(
            [
                "sqlite3", home.url.appendingPathComponent("notebook.sqlite").path,
                "SELECT verdict FROM exercise_attempt",
            ]
        ).output
    }

    func attemptKept(_ home: TemporaryFolder, _ ext: String) -> Bool {
        FileManager.default.fileExists(
            atPath: home.url.appendingPathComponent("attempts/coding/remove-nth-from-end.\(ext)").path)
    }

    @Test("a Swift trap shows the runtime's message and the learner's line, not a signal and registers")
    func swiftCrash() throws {
        let (home, work) = try prepare()
        defer { home.remove(); work.remove() }
        let solution = try work.write(
            "crash.swift",
            """
            class Solution {
                func removeNthFromEnd(_ head: ListNode?, _ n: Int) -> ListNode? {
                    let values = [1, 2, 3]
                    if values[n + 10] > 0 { return head }
                    return head
                }
            }

            """)
        let checked = try RecallProcess.run(["check", Self.key, solution.path, "--json"], home: home.path)
        #expect(checked.status == 1)
        #expect(checked.json["verdict"] as? String == "Runtime Error", "\(checked.stdout)")
        let message = checked.json["message"] as? String ?? ""
        #expect(message.contains("case 'example-1': Fatal error: Index out of range"), "\(message)")
        #expect(message.contains("at solution.swift:4:"), "\(message)")
        #expect(message.contains("if values[n + 10] > 0"), "\(message)")
        for noise in ["signal 4", "Registers", "rax ", "Images", "0x0000"] {
            #expect(!message.contains(noise), "\(noise): \(message)")
        }
    }

    @Test("Swift compile errors name the learner's file and lines, never the harness's")
    func swiftCompileErrors() throws {
        let (home, work) = try prepare()
        defer { home.remove(); work.remove() }
        // The closing brace of the `if` is missing: spliced into the harness, this gave ~25 errors
        // at main.swift:61–67.
        let unclosed = try work.write(
            "unclosed.swift",
            """
            class Solution {
                func removeNthFromEnd(_ head: ListNode?, _ n: Int) -> ListNode? {
                    if n > 0 {
                        return head
                }
            }

            """)
        let checked = try RecallProcess.run(["check", Self.key, unclosed.path, "--json"], home: home.path)
        #expect(checked.status == 1)
        #expect(checked.json["verdict"] as? String == "Compile Error", "\(checked.stdout)")
        let message = checked.json["message"] as? String ?? ""
        #expect(message.contains("solution.swift:"), "\(message)")
        #expect(message.contains("expected '}'"), "\(message)")
        for harness in ["main.swift", "harness", "_report", "_json"] {
            #expect(!message.contains(harness), "\(harness): \(message)")
        }
        #expect(message.split(separator: "\n").count <= 40)

        // Code that compiles but misnames the function: said so, with no harness line either.
        let misnamed = try work.write(
            "misnamed.swift",
            "class Solution {\n    func removeNth(_ head: ListNode?, _ n: Int) -> ListNode? { head }\n}\n")
        let other = try RecallProcess.run(["check", Self.key, misnamed.path, "--json"], home: home.path)
        #expect(other.json["verdict"] as? String == "Compile Error", "\(other.stdout)")
        let said = other.json["message"] as? String ?? ""
        #expect(said.contains("cannot call `removeNthFromEnd`"), "\(said)")
        #expect(said.contains("has no member 'removeNthFromEnd'"), "\(said)")
        #expect(!said.contains("main.swift") && !said.contains("_json"), "\(said)")
    }

    @Test("a sandbox that cannot start is a setup error: exit 1, what to do, no verdict, nothing logged")
    func brokenSandbox() throws {
        let (home, work) = try prepare()
        defer { home.remove(); work.remove() }
        let solution = Self.exercise.appendingPathComponent("solution.py").path
        // A bwrap that exists but fails before running anything (as when user namespaces are off).
        let failing = try work.write(
            "bwrap", "#!/bin/sh\necho 'bwrap: setting up uid map: Permission denied' >&2\nexit 1\n")
        chmod(failing.path, 0o755)
        for bwrap in ["/nonexistent", failing.path] {
            for json in [false, true] {
                let checked = try RecallProcess.run(
                    ["check", Self.key, solution] + (json ? ["--json"] : []), home: home.path,
                    environment: ["RECALL_BWRAP": bwrap])
                #expect(checked.status == 1, "\(bwrap): \(checked.stdout)")
                #expect(checked.stdout.isEmpty, "\(bwrap): \(checked.stdout)")
                #expect(checked.stderr.contains("the sandbox cannot start"), "\(checked.stderr)")
                #expect(checked.stderr.contains(bwrap), "\(checked.stderr)")
                #expect(checked.stderr.contains("RECALL_BWRAP"), "\(checked.stderr)")
                #expect(!checked.stderr.contains("Runtime Error"), "\(checked.stderr)")
            }
        }
        #expect(try logged(home) == "")
        #expect(!attemptKept(home, "py"))
        // The real sandbox still works, and that check is logged.
        let good = try RecallProcess.run(["check", Self.key, solution], home: home.path)
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        #expect(try logged(home) == "Accepted\n")
    }

    @Test("the language follows the extension unless given; a contradiction is a usage error and keeps nothing")
    func languageOfTheFile() throws {
        let (home, work) = try prepare()
        defer { home.remove(); work.remove() }
        let python = Self.exercise.appendingPathComponent("solution.py").path
        let mismatch = try RecallProcess.run(["check", Self.key, python, "--lang", "cpp"], home: home.path)
        #expect(mismatch.status == 2, "\(mismatch.stdout)\(mismatch.stderr)")
        #expect(mismatch.stderr.contains("solution.py is python by its extension, not cpp"), "\(mismatch.stderr)")
        #expect(mismatch.stderr.contains("Usage:"), "\(mismatch.stderr)")
        #expect(!attemptKept(home, "cpp"))
        #expect(try logged(home) == "")
        // The same file as --lang python, or with no extension and --lang given, is checked.
        let agreed = try RecallProcess.run(["check", Self.key, python, "--lang", "python"], home: home.path)
        #expect(agreed.status == 0, "\(agreed.stdout)\(agreed.stderr)")
        let bare = try work.write("answer", try String(contentsOfFile: python, encoding: .utf8))
        let named = try RecallProcess.run(["check", Self.key, bare.path, "--lang", "py"], home: home.path)
        #expect(named.status == 0, "\(named.stdout)\(named.stderr)")
        #expect(attemptKept(home, "py"))
        #expect(!attemptKept(home, "cpp"))
        // `exercise --lang cpp` still hands out the C++ starter, not Python text.
        let handed = try RecallProcess.run(
            ["exercise", Self.key, "--lang", "cpp", "--dir", work.path + "/out"], home: home.path)
        #expect(handed.status == 0, "\(handed.stderr)")
        let starter = try String(contentsOfFile: work.path + "/out/remove-nth-from-end.cpp", encoding: .utf8)
        #expect(starter.contains("ListNode*"), "\(starter)")
    }

    @Test("a solution of 1 MiB is checked; one byte more is refused before it is read or kept")
    func solutionSize() throws {
        let (home, work) = try prepare()
        defer { home.remove(); work.remove() }
        let reference = try String(
            contentsOf: Self.exercise.appendingPathComponent("solution.py"), encoding: .utf8)
        let limit = 1 << 20
        // Padded with a comment to exactly the limit.
        let padding = limit - reference.utf8.count - 3
        let atLimit = try work.write("at-limit.py", reference + "\n#" + String(repeating: "x", count: padding) + "\n")
        #expect(try FileManager.default.attributesOfItem(atPath: atLimit.path)[.size] as? Int == limit)
        let accepted = try RecallProcess.run(["check", Self.key, atLimit.path], home: home.path)
        #expect(accepted.status == 0, "\(accepted.stdout)\(accepted.stderr)")

        let over = try work.write("over.py", reference + "\n#" + String(repeating: "x", count: padding + 1) + "\n")
        let refused = try RecallProcess.run(["check", Self.key, over.path, "--json"], home: home.path)
        #expect(refused.status == 1)
        #expect(refused.stdout.isEmpty, "\(refused.stdout)")
        #expect(refused.stderr.contains("over.py holds 1048577 bytes"), "\(refused.stderr)")
        #expect(refused.stderr.contains("1048576-byte limit"), "\(refused.stderr)")
        #expect(try logged(home) == "Accepted\n")
        let kept = try String(
            contentsOf: home.url.appendingPathComponent("attempts/coding/remove-nth-from-end.py"), encoding: .utf8)
        #expect(kept.utf8.count == limit)

        let missing = try RecallProcess.run(["check", Self.key, work.path + "/nowhere.py"], home: home.path)
        #expect(missing.status == 1)
        #expect(missing.stderr.contains("there is no file"), "\(missing.stderr)")
        let device = try RecallProcess.run(["check", Self.key, "/dev/zero", "--lang", "python"], home: home.path)
        #expect(device.status == 1)
        #expect(device.stderr.contains("/dev/zero is not a regular file"), "\(device.stderr)")
        #expect(try logged(home) == "Accepted\n")
    }
}
