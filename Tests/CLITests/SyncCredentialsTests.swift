import Foundation
import RecallTestSupport
import Testing

/// `recall source add` and `recall sync --json` against a smart-HTTP server that demands basic
/// authentication (git http-backend behind GitHTTPServer), with secrets from the environment.
@Suite("Sync over http with a token or a password, through the recall binary", .timeLimit(.minutes(10)))
struct SyncCredentialsTests {
    static let deck = ["decks/d/deck.yaml": "deck: d\ntitle: Served deck\n", "decks/d/cards.md": "## Q {#q}\nA.\n"]

    /// A served bare repository, a notebook and a HOME, all in one temporary folder.
    struct Setup {
        let root: TemporaryFolder
        let remote: URL
        let server: GitHTTPServer
        let notebook: String

        init(user: String, password: String) throws {
            root = try TemporaryFolder("recall-http-cli")
            remote = try GitCLI.bareRemote(in: root, name: "deck", files: SyncCredentialsTests.deck)
            server = try GitHTTPServer(
                serving: root.url, user: user, password: password, scratch: root.url.appendingPathComponent("server"))
            notebook = root.url.appendingPathComponent("notebook").path
        }

        var url: String { server.url("deck.git") }

        /// `recall ARGS --home NOTEBOOK` with only the credential variables given (others emptied).
        func recall(_ arguments: [String], _ variables: [String: String]) throws -> RecallProcess.Result {
            var environment = [
                "HOME": root.url.appendingPathComponent("home").path, "RECALL_GIT_TOKEN": "",
                "RECALL_GIT_USERNAME": "", "RECALL_GIT_PASSWORD": "", "SSH_AUTH_SOCK": "",
            ]
            environment.merge(variables) { $1 }
            return try RecallProcess.run(arguments + ["--home", notebook], home: nil, environment: environment)
        }

        /// Edits the notebook's copy of the card and has "someone else" push another file.
        func changeBothSides(_ answer: String) throws {
            let cards = URL(fileURLWithPath: notebook).appendingPathComponent("sources/deck/decks/d/cards.md")
            try Data("## Q {#q}\n\(answer)\n".utf8).write(to: cards)
            try GitCLI.pushFromElsewhere(
                remote, files: ["decks/d/more-\(UUID().uuidString.prefix(4)).md": "## R {#r-\(answer.count)}\nB.\n"],
                message: "elsewhere", scratch: root)
        }

        func remove() {
            server.stop()
            root.remove()
        }
    }

    @Test("a token: add and sync both ways; a wrong or missing token fails clearly; the token is never shown")
    func token() throws {
        let secret = "tok-2b7e1516-secret"
        let setup = try Setup(user: "x-access-token", password: secret)
        defer { setup.remove() }
        var outputs: [String] = []
        let good = ["RECALL_GIT_TOKEN": secret]

        let added = try setup.recall(["source", "add", setup.url, "--name", "deck", "--path", "decks"], good)
        outputs += [added.stdout, added.stderr]
        #expect(added.status == 0, "\(added.stderr)\n\(setup.server.log)")
        try setup.changeBothSides("A, edited here.")
        let synced = try setup.recall(["sync", "--json"], good)
        outputs += [synced.stdout, synced.stderr]
        #expect(synced.status == 0, "\(synced.stderr)\n\(synced.stdout)")
        #expect(
            synced.firstSource["fetched"] as? Int == 1 && synced.firstSource["pushed"] as? Int == 2, "\(synced.stdout)")
        #expect(try GitCLI.run(["show", "main:decks/d/cards.md"], in: setup.remote) == "## Q {#q}\nA, edited here.")

        try setup.changeBothSides("A, edited again.")
        for (variables, expected) in [
            (["RECALL_GIT_TOKEN": "tok-wrong-9f3a"], "the token from RECALL_GIT_TOKEN"),
            ([:], "no credentials were available"),
        ] {
            let failed = try setup.recall(["sync", "--json"], variables)
            outputs += [failed.stdout, failed.stderr]
            #expect(failed.status == 1, "\(failed.stdout)")
            let failure = failed.firstSource["failure"] as? String ?? ""
            #expect(
                failure.contains("authentication to \(setup.url) failed") && failure.contains(expected),
                "\(failed.stdout)")
            #expect(failure.contains("RECALL_GIT_TOKEN"), "\(failure)")
        }
        let listed = try setup.recall(["source", "list", "--json"], good)
        outputs += [listed.stdout, listed.stderr]
        for output in outputs {
            #expect(!output.contains(secret) && !output.contains("tok-wrong-9f3a"), "\(output)")
        }
        // The wrong token reached the server once, not in a loop.
        #expect(setup.server.log.components(separatedBy: "credentials=wrong").count - 1 == 1, "\(setup.server.log)")
    }

    @Test("a user and password from the environment, or in the URL: sync works and the password is never shown")
    func userPassword() throws {
        let secret = "pw-6bc1bee2-secret"
        let setup = try Setup(user: "alice", password: secret)
        defer { setup.remove() }
        var outputs: [String] = []
        let good = ["RECALL_GIT_USERNAME": "alice", "RECALL_GIT_PASSWORD": secret]

        let added = try setup.recall(["source", "add", setup.url, "--name", "deck", "--path", "decks"], good)
        outputs += [added.stdout, added.stderr]
        #expect(added.status == 0, "\(added.stderr)\n\(setup.server.log)")
        try setup.changeBothSides("A, by alice.")
        let synced = try setup.recall(["sync", "--json"], good)
        outputs += [synced.stdout, synced.stderr]
        #expect(synced.status == 0, "\(synced.stderr)\n\(synced.stdout)")
        #expect(try GitCLI.run(["show", "main:decks/d/cards.md"], in: setup.remote) == "## Q {#q}\nA, by alice.")

        let wrong = try setup.recall(
            ["sync", "--json"], ["RECALL_GIT_USERNAME": "alice", "RECALL_GIT_PASSWORD": "nope-4471"])
        outputs += [wrong.stdout, wrong.stderr]
        #expect(wrong.status == 1, "\(wrong.stdout)")
        let failure = wrong.firstSource["failure"] as? String ?? ""
        #expect(failure.contains("authentication to \(setup.url) failed"), "\(wrong.stdout)")
        #expect(failure.contains("RECALL_GIT_PASSWORD for user alice"), "\(failure)")

        // A password written into the URL works too, and is shown as *** everywhere. (The same
        // repository as a second source would claim deck `d` twice, which is refused: the first goes.)
        let removed = try setup.recall(["source", "remove", "deck"], [:])
        #expect(removed.status == 0, "\(removed.stderr)")
        let embedded = setup.url.replacingOccurrences(of: "http://", with: "http://alice:\(secret)@")
        let second = try setup.recall(
            ["source", "add", embedded, "--name", "inline", "--path", "decks"], [:])
        outputs += [second.stdout, second.stderr]
        #expect(second.status == 0, "\(second.stderr)")
        for arguments in [["sync", "--json"], ["source", "list", "--json"], ["source", "list"]] {
            let result = try setup.recall(arguments, [:])
            outputs += [result.stdout, result.stderr]
        }
        for output in outputs {
            #expect(!output.contains(secret) && !output.contains("nope-4471"), "\(output)")
        }
    }
}
