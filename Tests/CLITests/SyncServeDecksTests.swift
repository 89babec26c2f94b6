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
        let started = try script(["start", served, "--host", "127.0.0.1", "--port", "\(port)"])
        #expect(started.status == 0, "\(started.output)")
        defer { _ = try? script(["stop", served]) }
        let url = "git://127.0.0.1:\(port)/team.git"
        #expect(started.output.contains(url))
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
}
