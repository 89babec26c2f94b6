import Foundation
import GitSync
import RecallTestSupport
import Testing

/// A real sshd serving one seeded bare repository, three client keys (one authorised, one authorised
/// and passphrase-protected, one unknown to the server) and a home whose known_hosts trusts the server.
struct SSHFixture {
    static let passphrase = "correct horse battery staple"

    let root: TemporaryFolder
    let server: SSHServer
    let remote: URL
    let home: URL
    /// Authorised, no passphrase.
    let key: String
    /// Authorised, protected by `passphrase`.
    let lockedKey: String
    /// Not authorised.
    let strangerKey: String

    init(allowPasswords: Bool = false, trustServer: Bool = true) throws {
        root = try TemporaryFolder("recall-ssh")
        let keys = root.url.appendingPathComponent("keys")
        try FileManager.default.createDirectory(at: keys, withIntermediateDirectories: true)
        key = keys.appendingPathComponent("id_ed25519").path
        lockedKey = keys.appendingPathComponent("locked_ed25519").path
        strangerKey = keys.appendingPathComponent("stranger_ed25519").path
        try SSHKeys.generate(at: key)
        try SSHKeys.generate(at: lockedKey, passphrase: Self.passphrase)
        try SSHKeys.generate(at: strangerKey)
        remote = try GitCLI.bareRemote(in: root, name: "deck", files: RemoteRoundTrip.deck)
        server = try SSHServer(
            in: root.url.appendingPathComponent("sshd"), authorizedKeyFiles: [key + ".pub", lockedKey + ".pub"],
            allowPasswords: allowPasswords)
        home = root.url.appendingPathComponent("home")
        try FileManager.default.createDirectory(
            at: home.appendingPathComponent(".ssh"), withIntermediateDirectories: true)
        try Data((trustServer ? server.knownHostsLine + "\n" : "").utf8).write(to: knownHosts)
    }

    var url: String { server.url(remote.path) }
    var knownHosts: URL { home.appendingPathComponent(".ssh/known_hosts") }

    /// `GitCredentials.fromEnvironment` with HOME set to the fixture's home plus `variables`.
    func credentials(_ variables: [String: String] = [:]) -> GitCredentials {
        GitCredentials.fromEnvironment(["HOME": home.path].merging(variables) { $1 })
    }

    func clone(_ credentials: GitCredentials) throws -> GitRepository {
        try GitRepository.clone(
            from: url, to: root.url.appendingPathComponent("clone-\(UUID().uuidString.prefix(6))"),
            credentials: credentials)
    }

    /// Clone, fetch a commit pushed by someone else, and push one of ours, all over ssh.
    func roundTrip(_ credentials: GitCredentials) throws {
        try RemoteRoundTrip.run(url: url, remote: remote, root: root, credentials: credentials)
    }

    /// Runs the real `recall` with HOME set to the fixture's home (its known_hosts) plus `variables`,
    /// and no other credential the test process may have.
    func recall(_ arguments: [String], notebook: String, _ variables: [String: String]) throws -> RecallProcess.Result {
        var environment = ["HOME": home.path, "SSH_AUTH_SOCK": "", "RECALL_GIT_SSH_KEY": "", "RECALL_GIT_TOKEN": ""]
        environment.merge(variables) { $1 }
        return try RecallProcess.run(arguments + ["--home", notebook], home: nil, environment: environment)
    }

    /// How many times sshd logged `text`.
    func count(_ text: String) -> Int { server.log.components(separatedBy: text).count - 1 }

    func remove() {
        server.stop()
        root.remove()
    }
}

/// The same three operations over any transport, checked against the bare repository with the CLI.
enum RemoteRoundTrip {
    /// A one-card deck `d` under `decks/`, as `recall source add URL --path decks` expects.
    static let deck = ["decks/d/deck.yaml": "deck: d\ntitle: Served deck\n", "decks/d/cards.md": "## Q {#q}\nA.\n"]

    static func run(url: String, remote: URL, root: TemporaryFolder, credentials: GitCredentials) throws {
        let folder = "clone-\(UUID().uuidString.prefix(6))"
        let repo = try GitRepository.clone(
            from: url, to: root.url.appendingPathComponent(folder), credentials: credentials)
        #expect(try root.read("\(folder)/decks/d/cards.md") == "## Q {#q}\nA.\n")

        try GitCLI.pushFromElsewhere(remote, files: ["more.md": "more\n"], message: "elsewhere", scratch: root)
        let tip = try #require(try repo.fetch(branch: "main", credentials: credentials))
        #expect(tip.hex == (try GitCLI.run(["rev-parse", "main"], in: remote)))
        try repo.fastForward(to: tip)

        try root.write("\(folder)/mine.md", "mine\n")
        let mine = try #require(try repo.commitAll(message: "mine"))
        try repo.push(branch: "main", credentials: credentials)
        #expect(mine.hex == (try GitCLI.run(["rev-parse", "main"], in: remote)))
    }
}

/// A bare repository served over smart HTTP with basic authentication.
struct HTTPFixture {
    let root: TemporaryFolder
    let server: GitHTTPServer
    let remote: URL

    init(user: String, password: String) throws {
        root = try TemporaryFolder("recall-http")
        remote = try GitCLI.bareRemote(in: root, name: "deck", files: RemoteRoundTrip.deck)
        server = try GitHTTPServer(
            serving: root.url, user: user, password: password, scratch: root.url.appendingPathComponent("server"))
    }

    var url: String { server.url("deck.git") }

    func credentials(_ variables: [String: String]) -> GitCredentials {
        GitCredentials.fromEnvironment(["HOME": root.path].merging(variables) { $1 })
    }

    func remove() {
        server.stop()
        root.remove()
    }
}
