import Foundation
import Spawning
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite("Spawn: real child processes")
struct SpawnTests {
    @Test func exitStatusIsDecoded() throws {
        #expect(try Spawn("/bin/sh", ["-c", "exit 0"]).run() == .exited(0))
        let ended = try Spawn("/bin/sh", ["-c", "exit 7"]).run()
        #expect(ended == .exited(7))
        #expect(ended.status == 7 && ended.signal == nil && ended.shellStatus == 7 && !ended.succeeded)
    }

    @Test func signalIsDecoded() throws {
        let ended = try Spawn("/bin/sh", ["-c", "kill -TERM $$"]).run()
        #expect(ended == .signaled(SIGTERM))
        #expect(ended.status == nil && ended.shellStatus == 128 + SIGTERM)
    }

    @Test func nameIsLookedUpInPath() throws {
        #expect(try Spawn("sh", ["-c", "exit 3"]).run() == .exited(3))
    }

    @Test func missingProgramIsAnError() {
        #expect(throws: SpawnError.self) { try Spawn("/nonexistent/program").run() }
        #expect(throws: SpawnError.self) { try Spawn("/bin/sh", directory: "/nonexistent/folder").run() }
    }

    @Test func argumentsEnvironmentAndFolderReachTheChild() throws {
        let folder = FileManager.default.temporaryDirectory.resolvingSymlinksInPath().path
        var spawn = Spawn(
            "/bin/sh", ["-c", "printf '%s|%s|%s|%s' \"$1\" \"$GREETING\" \"$(pwd)\" \"${HOME-unset}\"", "sh", "a b"],
            environment: ["GREETING": "hello", "PATH": "/usr/bin:/bin"], directory: folder)
        spawn.stdin = .null
        let run = try spawn.output()
        #expect(run.termination == .exited(0))
        #expect(run.stdout == "a b|hello|\(folder)|unset")
    }

    @Test func stdoutAndStderrArePipedSeparately() throws {
        let run = try Spawn("/bin/sh", ["-c", "echo out; echo err >&2"]).output()
        #expect(run.stdout == "out\n" && run.stderr == "err\n")
    }

    @Test func stderrCanJoinStdout() throws {
        var spawn = Spawn("/bin/sh", ["-c", "echo out; echo err >&2"])
        spawn.stdout = .pipe
        spawn.stderr = .stdout
        let run = try spawn.output()
        #expect(run.stdout == "out\nerr\n" && run.stderr == "")
    }

    @Test func stdinPipeFeedsCat() throws {
        var spawn = Spawn("/bin/cat")
        spawn.stdin = .pipe
        spawn.stdout = .pipe
        let child = try spawn.start()
        let input = Array("line one\nline two\n".utf8)
        let stdin = try #require(child.stdin)
        #expect(write(stdin, input, input.count) == input.count)
        child.closeStdin()
        let output = child.collect()
        #expect(child.wait() == .exited(0))
        #expect(output.stdoutText == "line one\nline two\n")
    }

    @Test func nullStdinReadsEndOfFile() throws {
        var spawn = Spawn("/bin/cat")
        spawn.stdin = .null
        let run = try spawn.output()
        #expect(run.termination == .exited(0) && run.stdout == "")
    }

    @Test func outputAppendsToAFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("spawn-\(UUID().uuidString).log")
        defer { try? FileManager.default.removeItem(at: file) }
        try "first\n".write(to: file, atomically: true, encoding: .utf8)
        var spawn = Spawn("/bin/sh", ["-c", "echo second; echo third >&2"])
        spawn.stdout = .append(path: file.path)
        spawn.stderr = .stdout
        #expect(try spawn.run() == .exited(0))
        #expect(try String(contentsOf: file, encoding: .utf8) == "first\nsecond\nthird\n")
    }

    @Test func noInheritedFileReachesTheChild() throws {
        // A file this process holds open without close-on-exec, as Foundation's pipes are.
        let fd = open("/dev/null", O_RDONLY)
        try #require(fd >= 3)
        defer { close(fd) }
        let probe = "test -e /proc/self/fd/\(fd) && echo open || echo closed"
        #expect(try Spawn("/bin/sh", ["-c", probe]).output().stdout == "closed\n")
        var keeping = Spawn("/bin/sh", ["-c", probe])
        keeping.closesOtherFiles = false
        #expect(try keeping.output().stdout == "open\n")
    }

    @Test func childStartsWithDefaultSignals() throws {
        // Ignored and blocked here; the child must see neither.
        let previous = Glibc.signal(SIGUSR1, SIG_IGN)
        defer { Glibc.signal(SIGUSR1, previous) }
        var blocked = sigset_t()
        var old = sigset_t()
        sigemptyset(&blocked)
        sigaddset(&blocked, SIGUSR2)
        pthread_sigmask(SIG_BLOCK, &blocked, &old)
        defer { pthread_sigmask(SIG_SETMASK, &old, nil) }
        let status = try Spawn("/bin/sh", ["-c", "grep -E '^(SigIgn|SigBlk)' /proc/self/status"]).output().stdout
        let masks = status.split(separator: "\n").compactMap { UInt64($0.split(separator: "\t").last ?? "", radix: 16) }
        try #require(masks.count == 2)
        let usr1: UInt64 = 1 << (SIGUSR1 - 1)
        let usr2: UInt64 = 1 << (SIGUSR2 - 1)
        #expect(masks[0] & usr1 == 0 && masks[1] & usr2 == 0)
    }

    @Test func newProcessGroupIsSignalledWhole() throws {
        var spawn = Spawn("/bin/sh", ["-c", "sleep 600 & echo $!; wait"])
        spawn.processGroup = .new
        spawn.stdout = .pipe
        let child = try spawn.start()
        #expect(getpgid(child.pid) == child.pid)
        // The grandchild's pid, once the shell has started it.
        var line: [UInt8] = []
        var byte: UInt8 = 0
        while let fd = child.stdout, read(fd, &byte, 1) == 1, byte != UInt8(ascii: "\n") { line.append(byte) }
        let grandchild = try #require(pid_t(String(decoding: line, as: UTF8.self)))
        #expect(getpgid(grandchild) == child.pid)
        child.signal(SIGKILL, toGroup: true)
        #expect(child.wait() == .signaled(SIGKILL))
        // The grandchild is not ours to reap; it ends once the kill lands.
        var gone = false
        for _ in 0..<2000 where !gone {
            gone =
                kill(grandchild, 0) != 0
                || (try? String(contentsOfFile: "/proc/\(grandchild)/stat"))?
                    .contains(") Z ") == true
            if !gone { usleep(5000) }
        }
        #expect(gone)
    }

    @Test func inheritedGroupIsOurs() throws {
        let child = try Spawn("/bin/sleep", ["600"]).start()
        #expect(getpgid(child.pid) == getpgrp())
        child.signal(SIGTERM)
        #expect(child.wait() == .signaled(SIGTERM))
        #expect(child.hasEnded)
        #expect(child.wait() == .signaled(SIGTERM))
    }

    @Test func collectStopsAtTheLimitAndTheDeadline() throws {
        var flood = Spawn("/bin/sh", ["-c", "yes"])
        flood.processGroup = .new
        flood.stdout = .pipe
        let flooding = try flood.start()
        let capped = flooding.collect(limit: 100_000)
        flooding.signal(SIGKILL, toGroup: true)
        flooding.wait()
        #expect(capped.exceededLimit && !capped.timedOut && capped.stdout.count > 100_000)

        var quiet = Spawn("/bin/sleep", ["600"])
        quiet.stdout = .pipe
        let sleeping = try quiet.start()
        let late = sleeping.collect(deadline: SpawnedProcess.monotonicNanoseconds() + 50_000_000)
        sleeping.signal(SIGKILL)
        #expect(sleeping.wait() == .signaled(SIGKILL))
        #expect(late.timedOut && !late.exceededLimit && late.stdout.isEmpty)
    }

    @Test func waitStatusDecoding() {
        #expect(Termination(waitStatus: 0) == .exited(0))
        #expect(Termination(waitStatus: 3 << 8) == .exited(3))
        #expect(Termination(waitStatus: 9) == .signaled(9))
        #expect(Termination(waitStatus: 0x80 | 11) == .signaled(11))  // with a core dump
    }
}

@Suite("Spawn: a child on a pseudo-terminal")
struct SpawnTerminalTests {
    @Test func newSessionTakesTheTerminalAsItsOwn() throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var name = [CChar](repeating: 0, count: 128)
        var size = winsize(ws_row: 30, ws_col: 100, ws_xpixel: 0, ws_ypixel: 0)
        try #require(openpty(&master, &slave, &name, nil, &size) == 0)
        defer { close(master) }
        let path = String(cString: name)
        close(slave)
        var spawn = Spawn(
            "/bin/sh", ["-c", "exec 3</dev/tty && stty size && echo \"session $(cut -d' ' -f6 /proc/$$/stat)\""])
        spawn.stdin = .terminal(path: path)
        spawn.stdout = .stdin
        spawn.stderr = .stdin
        spawn.processGroup = .newSession
        let child = try spawn.start()
        var seen = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !seen.contains("session") || !seen.hasSuffix("\n") {
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            seen += String(decoding: buffer[0..<n], as: UTF8.self)
        }
        #expect(child.wait() == .exited(0))
        #expect(seen.contains("30 100"))
        // The shell leads a session of its own (its id is its pid) with the terminal as its own.
        #expect(seen.contains("session \(child.pid)"))
    }
}

@Suite("Spawn: a foreground child")
struct ForegroundSpawnTests {
    /// This process's disposition of `signal` (the handler's address, or SIG_DFL/SIG_IGN's).
    func disposition(_ signal: Int32) -> UnsafeRawPointer? {
        var current = sigaction()
        sigaction(signal, nil, &current)
        return unsafeBitCast(current.__sigaction_handler.sa_handler, to: UnsafeRawPointer?.self)
    }

    @Test("the child gets SIGINT at its default while it runs; this process's dispositions are back after")
    func interruptIsTheChilds() throws {
        let before = (disposition(SIGINT), disposition(SIGQUIT))
        #expect(try Spawn("/bin/sh", ["-c", "kill -INT $$"]).runInForeground() == .signaled(SIGINT))
        #expect(try Spawn("/bin/sh", ["-c", "exit 4"]).runInForeground() == .exited(4))
        #expect(disposition(SIGINT) == before.0 && disposition(SIGQUIT) == before.1)
    }
}
