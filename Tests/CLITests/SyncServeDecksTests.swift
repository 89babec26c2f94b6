import Foundation
import RecallTestSupport
import Testing

@Suite("Sync: the Sync/serve-decks script")
struct SyncServeDecksTests {
    private func script(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try ChildProcess.run([RecallProcess.repositoryRoot.appendingPathComponent("Sync/serve-decks").path] + arguments)
    }

    @Test("new deck repo, served on 127.0.0.1: two notebooks share edits through it; stop ends the daemon")
    func serveAndShare() throws {
        let root = try TemporaryFolder("recall-serve")
        defer { root.remove() }
        let served = root.path + "/repos"
        let created = try script(["new", served, "team", "--title", "Team deck"])
        #expect(created.status == 0, "\(created.output)")
        let port = try GitDaemon.freePort()
        let started = try script(["start", served, "--host", "127.0.0.1", "--port", "\(port)", "--allow-push"])
        #expect(started.status == 0, "\(started.output)")
        defer { _ = try? script(["stop", served]) }
        let url = "git://127.0.0.1:\(port)/team.git"
        #expect(started.output.contains(url))
        #expect(started.output.contains("WARNING: --allow-push: anyone who can reach 127.0.0.1:\(port) can push"))
        #expect(try script(["start", served, "--host", "127.0.0.1", "--port", "\(port)"]).status == 1)

        let a = root.path + "/a"
        let b = root.path + "/b"
        for home in [a, b] {
            let added = try RecallProcess.run(["source", "add", url, "--home", home], home: nil)
            #expect(added.status == 0, "\(added.stderr)")
        }
        let file = URL(fileURLWithPath: a + "/sources/team/team/cards.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data((text + "\n## Shared over the LAN? {#lan}\nYes, through git daemon.\n").utf8).write(to: file)
        let pushed = try RecallProcess.run(["sync", "--json"], home: a)
        #expect(pushed.status == 0 && pushed.firstSource["pushed"] as? Int == 1, "\(pushed.stderr)")
        let pulled = try RecallProcess.run(["sync", "--json"], home: b)
        #expect(pulled.status == 0 && pulled.firstSource["added"] as? Int == 1, "\(pulled.stderr)")
        let shown = try RecallProcess.run(["show", "team/lan", "--json"], home: b)
        #expect(shown.json["back"] as? String == "Yes, through git daemon.")

        #expect(try script(["stop", served]).status == 0)
        #expect(!GitDaemon.canConnect(port))
        #expect(try script(["status", served]).status == 1)
        #expect(try script(["new", served, "Bad Name"]).status == 1)
    }

    @Test("closed by default: start listens on 127.0.0.1 only and refuses pushes; it warns only with --allow-push")
    func closedByDefault() throws {
        let root = try TemporaryFolder("recall-serve")
        defer { root.remove() }
        let served = root.path + "/repos"
        #expect(try script(["new", served, "team"]).status == 0)
        let port = try GitDaemon.freePort()
        let started = try script(["start", served, "--port", "\(port)"])
        #expect(started.status == 0, "\(started.output)")
        defer { _ = try? script(["stop", served]) }
        #expect(started.output.contains("127.0.0.1:\(port)") && started.output.contains("read-only"))
        #expect(!started.output.contains("WARNING"), "\(started.output)")
        #expect(
            Self.listeningAddresses(port: port) == ["127.0.0.1"], "listening on \(Self.listeningAddresses(port: port))")

        // Subscribing (a fetch) works; a push is refused and the served repository is unchanged.
        let url = "git://127.0.0.1:\(port)/team.git"
        let home = root.path + "/a"
        let added = try RecallProcess.run(["source", "add", url, "--home", home], home: nil)
        #expect(added.status == 0, "\(added.stderr)")
        let tip = try GitCLI.run(["rev-parse", "main"], in: URL(fileURLWithPath: served + "/team.git"))
        let file = URL(fileURLWithPath: home + "/sources/team/team/cards.md")
        let text = try String(contentsOf: file, encoding: .utf8)
        try Data((text + "\n## Pushed to a read-only hub? {#ro}\nNo.\n").utf8).write(to: file)
        let refused = try RecallProcess.run(["sync", "--json"], home: home)
        #expect(refused.status == 1 && refused.firstSource["pushed"] as? Int == 0, "\(refused.stdout)")
        #expect(try GitCLI.run(["rev-parse", "main"], in: URL(fileURLWithPath: served + "/team.git")) == tip)
        let status = try script(["status", served])
        #expect(status.status == 0 && status.output.contains("read-only"), "\(status.output)")
    }

    /// The local addresses of the TCP sockets listening on `port`, read from /proc/net/tcp and tcp6.
    static func listeningAddresses(port: Int) -> [String] {
        var found: [String] = []
        let hexPort = String(format: "%04X", port)
        for table in ["/proc/net/tcp", "/proc/net/tcp6"] {
            guard let text = try? String(contentsOfFile: table, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n").dropFirst() {
                let fields = line.split(separator: " ")
                guard fields.count > 3, fields[3] == "0A" else { continue }  // 0A: LISTEN
                let local = fields[1].split(separator: ":")
                guard local.count == 2, local[1] == hexPort else { continue }
                let hex = String(local[0])
                if hex.count == 8, let value = UInt32(hex, radix: 16) {
                    // Little-endian on the machines we run on: 0100007F is 127.0.0.1.
                    found.append((0..<4).map { String((value >> (8 * $0)) & 0xFF) }.joined(separator: "."))
                } else {
                    found.append(hex)  // an IPv6 address, shown raw
                }
            }
        }
        return found
    }
}
