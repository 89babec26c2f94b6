import Foundation
import RecallTestSupport
import Testing

/// A notebook its user cannot write (`chmod -R a-w`): the read-only commands work, a grade is
/// refused with a clear message, and nothing is written (docs/STORAGE.md, "Opening writes nothing").
@Suite("Read-only notebook")
struct ReadOnlyNotebookTests {
    /// Runs `recall` as a user who cannot write the notebook: this user when not root (root may
    /// write anything), else `nobody` through setpriv(1). Output is stdout and stderr together.
    struct Reader {
        let recall: String
        let prefix: [String]

        init(scratch: TemporaryFolder) throws {
            guard getuid() == 0 else {
                recall = RecallProcess.executable.path
                prefix = []
                return
            }
            prefix = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
            // `nobody` may not reach the build folder (a checkout under /root): then a copy it can.
            var binary = RecallProcess.executable.path
            if try ChildProcess.run(prefix + ["test", "-x", binary]).status != 0 {
                let copy = scratch.url.appendingPathComponent("recall")
                try FileManager.default.copyItem(atPath: binary, toPath: copy.path)
                binary = copy.path
            }
            recall = binary
        }

        func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
            var environment = ProcessInfo.processInfo.environment
            environment["TZ"] = "UTC"
            environment["NO_COLOR"] = "1"
            environment["RECALL_NOW"] = "2026-11-24T10:00:00Z"
            environment["HOME"] = "/nonexistent"
            return try ChildProcess.run(prefix + [recall] + arguments, environment: environment)
        }
    }

    @Test("due, decks, show, search, stats and export work; answer fails saying read-only and where")
    func readOnlyCommands() throws {
        let (home, decks) = try homeWithDeck(cards: 3)
        let scratch = try TemporaryFolder("recall-readonly")
        defer {
            _ = try? ChildProcess.run(["chmod", "-R", "u+w", home.path])
            home.remove()
            decks.remove()
            scratch.remove()
        }
        // History to show, and a card due tomorrow (the reader's today).
        let answered = try RecallProcess.run(["answer", "d/q1", "4"], home: home.path)
        #expect(answered.status == 0, "\(answered.stderr)")
        #expect(try ChildProcess.run(["chmod", "-R", "a-w", home.path]).status == 0)
        #expect(try ChildProcess.run(["chmod", "a+rwx", scratch.path]).status == 0)
        let before = try snapshot(home.url)
        #expect(before.keys.sorted() == ["notebook.sqlite"], "\(before.keys.sorted())")
        let reader = try Reader(scratch: scratch)
        let apkg = scratch.url.appendingPathComponent("out.apkg").path

        let commands: [[String]] = [
            ["due", "--home", home.path], ["due", "--json", "--home", home.path], ["decks", "--home", home.path],
            ["show", "d/q1", "--home", home.path], ["search", "Question", "--home", home.path],
            ["stats", "--home", home.path], ["export", "--apkg", apkg, "--home", home.path],
        ]
        for command in commands {
            let result = try reader.run(command)
            #expect(result.status == 0, "recall \(command.joined(separator: " ")): \(result.output)")
        }
        let due = try reader.run(["due", "--home", home.path])
        #expect(due.output.contains("d/q1") && due.output.contains("d/q2"), "\(due.output)")
        #expect(try reader.run(["show", "d/q1", "--home", home.path]).output.contains("Question 1"))
        #expect(FileManager.default.fileExists(atPath: apkg))

        let refused = try reader.run(["answer", "d/q2", "5", "--home", home.path])
        #expect(refused.status == 1, "\(refused.output)")
        #expect(
            refused.output.contains("is read-only")
                && refused.output.contains(home.url.appendingPathComponent("notebook.sqlite").path),
            "\(refused.output)")
        #expect(try snapshot(home.url) == before, "the read-only notebook changed")
    }

    /// Every file in `folder` (top level) with its bytes.
    func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            files[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return files
    }
}
