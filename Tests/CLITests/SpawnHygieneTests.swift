import Foundation
import RecallTestSupport
import Testing

/// Tests run in parallel: a process one test spawns must not hold another test's pipe, or the
/// other test's read to end of file waits for it (a tmux server kept `make test` stalled this way).
@Suite("Spawned test processes inherit no other file")
struct SpawnHygieneTests {
    /// The pipe inodes among a process's open files.
    func pipes(of pid: pid_t) -> Set<String> {
        let folder = "/proc/\(pid)/fd"
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return Set(
            fds.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: "\(folder)/\($0)") }
                .filter { $0.hasPrefix("pipe:") })
    }

    @Test("a child and a server started while a Foundation pipe is open do not hold that pipe")
    func noInheritedPipe() throws {
        let open = Pipe()  // as RecallProcess.run has while it reads a recall run's output
        defer { try? open.fileHandleForWriting.close() }
        let ours = pipes(of: getpid())
        let child = try ChildProcess.Running(["sleep", "600"], capture: true)
        defer {
            kill(child.pid, SIGKILL)
            _ = child.wait()
        }
        let logs = try TemporaryFolder("recall-spawn")
        defer { logs.remove() }
        let server = try BackgroundProcess(
            ["sleep", "600"], environment: ProcessInfo.processInfo.environment,
            logFile: logs.url.appendingPathComponent("log"))
        defer { server.stop() }
        let serverPids =
            [server.pid]
            + ((try? String(contentsOfFile: "/proc/\(server.pid)/task/\(server.pid)/children", encoding: .utf8)) ?? "")
            .split(separator: " ").compactMap { pid_t($0) }
        for pid in [child.pid] + serverPids {
            let leaked = pipes(of: pid).intersection(ours)
            #expect(leaked.isEmpty, "process \(pid) holds the test process's pipes \(leaked)")
        }
    }
}
