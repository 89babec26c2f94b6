import Foundation
import GitSync
import RecallTestSupport
import Testing

/// Token and user/password credentials over smart HTTP, against `git http-backend` behind a server
/// that demands basic authentication (GitHTTPServer).
@Suite("GitSync over http: token and user/password against a real git http-backend", .timeLimit(.minutes(10)))
struct HTTPTransportTests {
    @Test("clone, fetch and push with RECALL_GIT_TOKEN (user x-access-token)")
    func token() throws {
        let fixture = try HTTPFixture(user: "x-access-token", password: "tok-8f2c-secret")
        defer { fixture.remove() }
        try RemoteRoundTrip.run(
            url: fixture.url, remote: fixture.remote, root: fixture.root,
            credentials: fixture.credentials(["RECALL_GIT_TOKEN": "tok-8f2c-secret"]))
        #expect(fixture.server.log.contains("git-receive-pack credentials=ok 200"), "\(fixture.server.log)")
    }

    @Test("clone, fetch and push with RECALL_GIT_USERNAME and RECALL_GIT_PASSWORD")
    func userPassword() throws {
        let fixture = try HTTPFixture(user: "alice", password: "pw-31b7-secret")
        defer { fixture.remove() }
        try RemoteRoundTrip.run(
            url: fixture.url, remote: fixture.remote, root: fixture.root,
            credentials: fixture.credentials(["RECALL_GIT_USERNAME": "alice", "RECALL_GIT_PASSWORD": "pw-31b7-secret"]))
    }

    @Test("a user name in the URL stands in for RECALL_GIT_USERNAME, with a password or a token")
    func userInURL() throws {
        let fixture = try HTTPFixture(user: "oauth2", password: "tok-91d4-secret")
        defer { fixture.remove() }
        let url = fixture.url.replacingOccurrences(of: "http://", with: "http://oauth2@")
        for variables in [["RECALL_GIT_PASSWORD": "tok-91d4-secret"], ["RECALL_GIT_TOKEN": "tok-91d4-secret"]] {
            let folder = fixture.root.url.appendingPathComponent("clone-\(variables.keys.first ?? "")")
            _ = try GitRepository.clone(from: url, to: folder, credentials: fixture.credentials(variables))
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("decks/d/cards.md").path))
        }
    }

    @Test("a wrong password or token: a clear authentication error, offered once, with no secret in it")
    func wrongSecret() throws {
        let fixture = try HTTPFixture(user: "alice", password: "pw-31b7-secret")
        defer { fixture.remove() }
        let attempts: [[String: String]] = [
            ["RECALL_GIT_USERNAME": "alice", "RECALL_GIT_PASSWORD": "wrong-pw-5521"],
            ["RECALL_GIT_TOKEN": "wrong-tok-7730"],
        ]
        for variables in attempts {
            let before = fixture.server.log.components(separatedBy: "credentials=wrong").count
            let error = #expect(throws: GitError.self) {
                try GitRepository.clone(
                    from: fixture.url, to: fixture.root.url.appendingPathComponent("clone"),
                    credentials: fixture.credentials(variables))
            }
            guard case .authenticationFailed(let url, _)? = error else {
                Issue.record("expected an authentication error, got \(String(describing: error))")
                continue
            }
            #expect(url == fixture.url)
            let text = error?.description ?? ""
            #expect(text.contains(fixture.url) && text.contains("none was accepted"), "\(text)")
            #expect(!text.contains("wrong-pw-5521") && !text.contains("wrong-tok-7730"), "\(text)")
            #expect(!text.contains("pw-31b7-secret"), "\(text)")
            // The server saw the wrong secret exactly once: no retry loop.
            let after = fixture.server.log.components(separatedBy: "credentials=wrong").count
            #expect(after - before == 1, "\(fixture.server.log)")
            #expect(!FileManager.default.fileExists(atPath: fixture.root.url.appendingPathComponent("clone").path))
        }
    }

    @Test("no credentials at all: an authentication error that says what to set")
    func noCredentials() throws {
        let fixture = try HTTPFixture(user: "alice", password: "pw-31b7-secret")
        defer { fixture.remove() }
        let error = #expect(throws: GitError.self) {
            try GitRepository.clone(
                from: fixture.url, to: fixture.root.url.appendingPathComponent("clone"),
                credentials: fixture.credentials([:]))
        }
        guard case .authenticationFailed(_, let message)? = error else {
            Issue.record("expected an authentication error, got \(String(describing: error))")
            return
        }
        #expect(message.contains("no credentials"), "\(message)")
        #expect(error?.description.contains("RECALL_GIT_TOKEN") == true)
    }

    @Test("an https server whose certificate nobody vouches for is refused before any request: the token stays home")
    func untrustedCertificate() throws {
        let root = try TemporaryFolder("recall-https")
        defer { root.remove() }
        _ = try GitCLI.bareRemote(in: root, name: "deck", files: RemoteRoundTrip.deck)
        let server = try GitHTTPServer(
            serving: root.url, user: "x-access-token", password: "tok-c0ffee-secret",
            scratch: root.url.appendingPathComponent("server"), tls: true)
        defer { server.stop() }
        let url = server.url("deck.git")
        #expect(url.hasPrefix("https://"))
        let error = #expect(throws: GitError.self) {
            try GitRepository.clone(
                from: url, to: root.url.appendingPathComponent("clone"),
                credentials: GitCredentials.fromEnvironment([
                    "HOME": root.path, "RECALL_GIT_TOKEN": "tok-c0ffee-secret",
                ]))
        }
        guard case .untrustedHost(let shown, let reason)? = error else {
            Issue.record("expected an untrusted-host error, got \(String(describing: error))")
            return
        }
        #expect(shown == url)
        #expect(
            reason.contains("TLS certificate is not trusted") && reason.contains("update-ca-certificates"), "\(reason)")
        #expect(!reason.contains("\n"), "\(reason)")
        #expect(!server.log.contains("credentials="), "\(server.log)")
    }
}
