import Foundation
import GitSync
import RecallTestSupport
import Testing

/// Credentials and host keys over ssh, against a real OpenSSH server on 127.0.0.1 (SSHServer): the
/// server must start, or the test fails saying why.
@Suite(
    "GitSync over ssh: key files, passphrases, ssh-agent and host keys against a real sshd", .timeLimit(.minutes(10)))
struct SSHTransportTests {
    @Test("clone, fetch and push with the key file named by RECALL_GIT_SSH_KEY")
    func keyFile() throws {
        let fixture = try SSHFixture()
        defer { fixture.remove() }
        try fixture.roundTrip(fixture.credentials(["RECALL_GIT_SSH_KEY": fixture.key]))
        #expect(fixture.count("Accepted publickey") == 3, "\(fixture.server.log)")
    }

    @Test("without a user in the URL, ssh logs in as the local user (as git and ssh do)")
    func localUser() throws {
        let fixture = try SSHFixture()
        defer { fixture.remove() }
        let url = fixture.url.replacingOccurrences(of: "\(fixture.server.user)@", with: "")
        #expect(!url.contains("@"))
        _ = try GitRepository.clone(
            from: url, to: fixture.root.url.appendingPathComponent("clone"),
            credentials: fixture.credentials(["RECALL_GIT_SSH_KEY": fixture.key, "RECALL_GIT_USERNAME": "alice"]))
        #expect(fixture.server.log.contains("Accepted publickey for \(fixture.server.user) "), "\(fixture.server.log)")
    }

    @Test("a passphrase-protected key works with RECALL_GIT_SSH_PASSPHRASE; without it, an authentication error")
    func passphrase() throws {
        let fixture = try SSHFixture()
        defer { fixture.remove() }
        try fixture.roundTrip(
            fixture.credentials([
                "RECALL_GIT_SSH_KEY": fixture.lockedKey, "RECALL_GIT_SSH_PASSPHRASE": SSHFixture.passphrase,
            ]))

        for passphrase in ["", "wrong passphrase"] {
            let credentials = fixture.credentials([
                "RECALL_GIT_SSH_KEY": fixture.lockedKey, "RECALL_GIT_SSH_PASSPHRASE": passphrase,
            ])
            let error = #expect(throws: GitError.self) { try fixture.clone(credentials) }
            guard case .authenticationFailed(let url, let message)? = error else {
                Issue.record("expected an authentication error, got \(String(describing: error))")
                continue
            }
            #expect(url == fixture.url)
            let expected =
                passphrase.isEmpty
                ? "the passphrase-protected key file \(fixture.lockedKey) without a passphrase"
                : "the passphrase-protected key file \(fixture.lockedKey) with RECALL_GIT_SSH_PASSPHRASE"
            #expect(message.contains(expected), "\(message)")
            if !passphrase.isEmpty { #expect(!message.contains(passphrase), "\(message)") }
        }
    }

    @Test("an ecdsa key works; an RSA key works too, or the error says why (libssh2 1.10 signs RSA with SHA-1)")
    func keyTypes() throws {
        let fixture = try SSHFixture()
        defer { fixture.remove() }
        var authorized = try String(contentsOf: fixture.server.authorizedKeys, encoding: .utf8)
        for type in ["ecdsa", "rsa"] {
            let key = fixture.root.url.appendingPathComponent("keys/id_\(type)").path
            try SSHKeys.generate(at: key, type: type)
            authorized += try String(contentsOfFile: key + ".pub", encoding: .utf8)
        }
        try Data(authorized.utf8).write(to: fixture.server.authorizedKeys)  // sshd reads it at each login

        _ = try fixture.clone(
            fixture.credentials(["RECALL_GIT_SSH_KEY": fixture.root.url.appendingPathComponent("keys/id_ecdsa").path]))
        let rsa = fixture.root.url.appendingPathComponent("keys/id_rsa").path
        do {
            _ = try fixture.clone(fixture.credentials(["RECALL_GIT_SSH_KEY": rsa]))
        } catch let error as GitError {
            guard case .authenticationFailed(_, let message) = error else {
                Issue.record("expected an authentication error, got \(error)")
                return
            }
            #expect(message.contains("\(rsa) (an RSA key: libssh2 1.10 signs with SHA-1"), "\(message)")
            #expect(fixture.server.log.contains("ssh-rsa not in PubkeyAcceptedAlgorithms"), "\(fixture.server.log)")
        }
    }

    @Test("a key the server does not know: an authentication error naming the URL, the key tried once")
    func wrongKey() throws {
        let fixture = try SSHFixture()
        defer { fixture.remove() }
        let error = #expect(throws: GitError.self) {
            try fixture.clone(fixture.credentials(["RECALL_GIT_SSH_KEY": fixture.strangerKey]))
        }
        guard case .authenticationFailed(let url, _)? = error else {
            Issue.record("expected an authentication error, got \(String(describing: error))")
            return
        }
        #expect(url == fixture.url)
        let text = error?.description ?? ""
        #expect(text.contains(fixture.url) && text.contains(fixture.strangerKey), "\(text)")
        #expect(!text.contains("no callback set"), "\(text)")
        #expect(fixture.count("Connection from 127.0.0.1") == 1, "\(fixture.server.log)")
        #expect(fixture.count("Failed publickey") == 1, "\(fixture.server.log)")
    }

    // MARK: - ssh-agent, through the `recall` binary
    // libssh2 reaches the agent through the process's own SSH_AUTH_SOCK, so these cases run `recall`
    // with the agent's socket in its environment rather than change this test process's environment.

    @Test("recall source add and sync through a real ssh-agent (SSH_AUTH_SOCK), with no key file at all")
    func agent() throws {
        let fixture = try SSHFixture()
        defer { fixture.remove() }
        let agent = try SSHAgent(in: fixture.root.url.appendingPathComponent("agent"))
        defer { agent.stop() }
        try agent.add(fixture.key)
        let notebook = fixture.root.url.appendingPathComponent("notebook").path
        let viaAgent = ["SSH_AUTH_SOCK": agent.socket]
        let added = try fixture.recall(
            ["source", "add", fixture.url, "--name", "d", "--path", "decks"], notebook: notebook, viaAgent)
        #expect(added.status == 0, "\(added.stderr)\n\(fixture.server.log)")

        let cards = URL(fileURLWithPath: notebook).appendingPathComponent("sources/d/decks/d/cards.md")
        try Data("## Q {#q}\nA, edited here.\n".utf8).write(to: cards)
        try GitCLI.pushFromElsewhere(
            fixture.remote, files: ["decks/d/more.md": "## R {#r}\nB.\n"], message: "elsewhere", scratch: fixture.root)
        let synced = try fixture.recall(["sync", "--json"], notebook: notebook, viaAgent)
        #expect(synced.status == 0, "\(synced.stderr)\n\(synced.stdout)")
        let report = (synced.json["sources"] as? [[String: Any]])?.first ?? [:]
        // Pushed: the local edit's commit and the merge with the commit from elsewhere.
        #expect(report["fetched"] as? Int == 1 && report["pushed"] as? Int == 2, "\(synced.stdout)")
        #expect(try GitCLI.run(["show", "main:decks/d/cards.md"], in: fixture.remote) == "## Q {#q}\nA, edited here.")
        #expect(fixture.count("Accepted publickey") == 3, "\(fixture.server.log)")
    }

    @Test("an agent without the right key, or a stale SSH_AUTH_SOCK, falls back to the key file")
    func agentFallsBackToKeyFile() throws {
        let fixture = try SSHFixture()
        defer { fixture.remove() }
        let agent = try SSHAgent(in: fixture.root.url.appendingPathComponent("agent"))
        defer { agent.stop() }
        try agent.add(fixture.strangerKey)
        let notebook = fixture.root.url.appendingPathComponent("notebook").path
        let added = try fixture.recall(
            ["source", "add", fixture.url, "--name", "d", "--path", "decks"], notebook: notebook,
            ["SSH_AUTH_SOCK": agent.socket, "RECALL_GIT_SSH_KEY": fixture.key])
        #expect(added.status == 0, "\(added.stderr)\n\(fixture.server.log)")
        #expect(
            fixture.count("Failed publickey") == 1 && fixture.count("Accepted publickey") == 1, "\(fixture.server.log)")

        let stale = fixture.root.url.appendingPathComponent("agent/gone.sock").path
        #expect(!GitCredentials.fromEnvironment(["SSH_AUTH_SOCK": stale]).useSSHAgent)
        let synced = try fixture.recall(
            ["sync", "--json"], notebook: notebook, ["SSH_AUTH_SOCK": stale, "RECALL_GIT_SSH_KEY": fixture.key])
        #expect(synced.status == 0, "\(synced.stderr)\n\(synced.stdout)")
    }

    @Test("agent and key file both refused: exit 1, the URL and each credential named once, nothing half-added")
    func agentAndKeyRefused() throws {
        let fixture = try SSHFixture()
        defer { fixture.remove() }
        let agent = try SSHAgent(in: fixture.root.url.appendingPathComponent("agent"))
        defer { agent.stop() }
        try agent.add(fixture.strangerKey)
        let notebook = fixture.root.url.appendingPathComponent("notebook").path
        let added = try fixture.recall(
            ["source", "add", fixture.url, "--name", "d", "--path", "decks"], notebook: notebook,
            ["SSH_AUTH_SOCK": agent.socket, "RECALL_GIT_SSH_KEY": fixture.strangerKey])
        #expect(added.status == 1, "\(added.stdout)")
        let text = added.stderr
        #expect(text.contains("authentication to \(fixture.url) failed"), "\(text)")
        #expect(text.contains("ssh-agent") && text.contains(fixture.strangerKey), "\(text)")
        // One connection; the stranger's key offered once by the agent and once from the file.
        #expect(fixture.count("Connection from 127.0.0.1") == 1, "\(fixture.server.log)")
        #expect(fixture.count("Failed publickey") == 2, "\(fixture.server.log)")
        let listed = try fixture.recall(["source", "list", "--json"], notebook: notebook, [:])
        #expect(!listed.stdout.contains("\"d\""), "\(listed.stdout)")
    }

    @Test("a missing RECALL_GIT_SSH_KEY file is named in the error")
    func missingKeyFile() throws {
        let fixture = try SSHFixture()
        defer { fixture.remove() }
        let missing = fixture.root.url.appendingPathComponent("keys/typo_ed25519").path
        let error = #expect(throws: GitError.self) {
            try fixture.clone(fixture.credentials(["RECALL_GIT_SSH_KEY": missing]))
        }
        guard case .authenticationFailed? = error else {
            Issue.record("expected an authentication error, got \(String(describing: error))")
            return
        }
        #expect(error?.description.contains(missing) == true, "\(String(describing: error))")
    }

    @Test("the https token and password are never offered to an ssh server, even one that takes passwords")
    func noPasswordOverSSH() throws {
        let fixture = try SSHFixture(allowPasswords: true)
        defer { fixture.remove() }
        let credentials = fixture.credentials([
            "RECALL_GIT_SSH_KEY": fixture.strangerKey, "RECALL_GIT_TOKEN": "tok-123-secret",
            "RECALL_GIT_USERNAME": fixture.server.user, "RECALL_GIT_PASSWORD": "pw-456-secret",
        ])
        let error = #expect(throws: GitError.self) { try fixture.clone(credentials) }
        guard case .authenticationFailed? = error else {
            Issue.record("expected an authentication error, got \(String(describing: error))")
            return
        }
        #expect(fixture.server.log.contains("Failed publickey"), "\(fixture.server.log)")
        #expect(!fixture.server.log.contains("method password"), "\(fixture.server.log)")
        #expect(!fixture.server.log.contains("Failed password"), "\(fixture.server.log)")
    }

    // MARK: - Host keys

    @Test("an unknown host key is refused before any credential is sent; the suggested ssh-keyscan fixes it")
    func unknownHostKey() throws {
        let fixture = try SSHFixture(trustServer: false)
        defer { fixture.remove() }
        let credentials = fixture.credentials(["RECALL_GIT_SSH_KEY": fixture.key])
        let error = #expect(throws: GitError.self) { try fixture.clone(credentials) }
        guard case .untrustedHost(let url, let reason)? = error else {
            Issue.record("expected an untrusted-host error, got \(String(describing: error))")
            return
        }
        #expect(url == fixture.url)
        #expect(reason.contains("RECALL_GIT_ACCEPT_NEW_HOST_KEYS=1"), "\(reason)")
        #expect(!fixture.server.log.contains("userauth-request"), "\(fixture.server.log)")

        // Run the command the message suggests, as the user would, then sync again.
        let command = try #require(reason.split(separator: "`").dropFirst().first.map(String.init), "\(reason)")
        let expected =
            "ssh-keyscan -p \(fixture.server.port) -t ed25519 127.0.0.1 >> \(fixture.knownHosts.path)"
        #expect(command == expected)
        let scanned = try SSHKeys.run(["ssh-keyscan", "-p", String(fixture.server.port), "-t", "ed25519", "127.0.0.1"])
        try Data(scanned.utf8).write(to: fixture.knownHosts)
        _ = try fixture.clone(credentials)
    }

    @Test("RECALL_GIT_ACCEPT_NEW_HOST_KEYS=1 trusts a new host key and records it for the next time")
    func acceptNewHostKey() throws {
        let fixture = try SSHFixture(trustServer: false)
        defer { fixture.remove() }
        try FileManager.default.removeItem(at: fixture.home.appendingPathComponent(".ssh"))
        _ = try fixture.clone(
            fixture.credentials(["RECALL_GIT_SSH_KEY": fixture.key, "RECALL_GIT_ACCEPT_NEW_HOST_KEYS": "1"]))
        #expect(try String(contentsOf: fixture.knownHosts, encoding: .utf8) == fixture.server.knownHostsLine + "\n")
        _ = try fixture.clone(fixture.credentials(["RECALL_GIT_SSH_KEY": fixture.key]))
    }

    @Test("a host key that differs from the recorded one is refused, even with RECALL_GIT_ACCEPT_NEW_HOST_KEYS")
    func changedHostKey() throws {
        let fixture = try SSHFixture(trustServer: false)
        defer { fixture.remove() }
        let impostor = fixture.root.url.appendingPathComponent("keys/impostor").path
        try SSHKeys.generate(at: impostor)
        let impostorKey = try String(contentsOfFile: impostor + ".pub", encoding: .utf8)
            .split(separator: " ").prefix(2).joined(separator: " ")
        try Data("# recorded earlier\n[127.0.0.1]:\(fixture.server.port) \(impostorKey)\n".utf8)
            .write(to: fixture.knownHosts)
        let credentials = fixture.credentials([
            "RECALL_GIT_SSH_KEY": fixture.key, "RECALL_GIT_ACCEPT_NEW_HOST_KEYS": "1",
        ])
        let error = #expect(throws: GitError.self) { try fixture.clone(credentials) }
        guard case .untrustedHost(_, let reason)? = error else {
            Issue.record("expected an untrusted-host error, got \(String(describing: error))")
            return
        }
        #expect(reason.contains("\(fixture.knownHosts.path):2"), "\(reason)")
        #expect(reason.contains("ssh-keygen -R '[127.0.0.1]:\(fixture.server.port)'"), "\(reason)")
        #expect(!fixture.server.log.contains("userauth-request"), "\(fixture.server.log)")

        // What the message says to do when the change is known to be legitimate.
        try SSHKeys.run([
            "ssh-keygen", "-R", "[127.0.0.1]:\(fixture.server.port)", "-f", fixture.knownHosts.path,
        ])
        _ = try fixture.clone(credentials)
    }

    @Test("hashed known_hosts entries (ssh-keyscan -H) and wildcard patterns are understood; @revoked wins")
    func knownHostsFormats() throws {
        let fixture = try SSHFixture(trustServer: false)
        defer { fixture.remove() }
        let credentials = fixture.credentials(["RECALL_GIT_SSH_KEY": fixture.key])
        let hashed = try SSHKeys.run([
            "ssh-keyscan", "-H", "-p", String(fixture.server.port), "-t", "ed25519", "127.0.0.1",
        ])
        #expect(hashed.contains("\n|1|") || hashed.hasPrefix("|1|"), "\(hashed)")
        try Data(("other.example.com ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDk=\n" + hashed).utf8)
            .write(to: fixture.knownHosts)
        _ = try fixture.clone(credentials)

        let key = fixture.server.knownHostsLine.split(separator: " ").dropFirst().joined(separator: " ")
        try Data("[127.0.0.*]:\(fixture.server.port),!10.0.0.1 \(key)\n".utf8).write(to: fixture.knownHosts)
        _ = try fixture.clone(credentials)

        try Data("!*127.0.0.1*,* \(key)\n".utf8).write(to: fixture.knownHosts)
        let negated = #expect(throws: GitError.self) { try fixture.clone(credentials) }
        #expect(negated?.description.contains("is not in") == true, "\(String(describing: negated))")

        try Data("\(fixture.server.knownHostsLine)\n@revoked * \(key)\n".utf8).write(to: fixture.knownHosts)
        let revoked = #expect(throws: GitError.self) { try fixture.clone(credentials) }
        #expect(revoked?.description.contains("@revoked") == true, "\(String(describing: revoked))")
    }
}
