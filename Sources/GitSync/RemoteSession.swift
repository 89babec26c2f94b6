import CGit2
import Foundation

/// Objects received while fetching or cloning.
public struct TransferProgress: Sendable, Equatable {
    public var receivedObjects: Int
    public var totalObjects: Int
    public var receivedBytes: Int
}

/// The state shared with libgit2's remote callbacks during one fetch, clone or push: credentials
/// to offer (each at most once, so a wrong secret cannot loop), the ssh host key check, progress to
/// report, and the branches the remote refused. Passed to C as the callbacks' payload and retained
/// for the call.
final class RemoteSession {
    let url: String
    let credentials: GitCredentials
    let progress: ((TransferProgress) -> Void)?
    private(set) var rejections: [(reference: String, reason: String)] = []
    /// Watches the call in progress for silence; every callback counts as a sign of life.
    private var watchdog: NetworkWatchdog?
    private var triedAgent = false
    private var nextKeyFile = 0
    private var triedPassword = false
    private var gaveUsername = false
    /// What was offered to the server, in words without secrets, for the error message.
    private var attempts: [String] = []
    /// Why the ssh server's host key was refused; set by the certificate check.
    private var hostKeyProblem: String?
    /// Key files named in the credentials that do not exist.
    private var missingKeyFiles: [String] = []

    init(url: String, credentials: GitCredentials, progress: ((TransferProgress) -> Void)?) {
        self.url = url
        self.credentials = credentials
        self.progress = progress
    }

    /// Runs `call` (a libgit2 network call using this session's callbacks) under a watchdog that
    /// interrupts it once the remote has been silent for `credentials.timeout` seconds.
    func guarding(_ operation: String, _ call: () -> Int32) -> Int32 {
        withExtendedLifetime(self) {
            NetworkWatchdog.guarding(seconds: credentials.timeout, url: url, operation: operation) { watchdog in
                self.watchdog = watchdog  // kept after the call: `error(for:)` asks it whether it fired
                return call()
            }.result
        }
    }

    /// Fills libgit2's callback table with this session as payload. The payload stays valid as long
    /// as `self` lives: callers keep the session alive for the duration of the libgit2 call.
    func install(into callbacks: inout git_remote_callbacks) {
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.credentials = { out, url, username, allowed, payload in
            guard let out, let payload else { return GIT_PASSTHROUGH.rawValue }
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            session.watchdog?.touch()
            return session.acquire(out, username: username.map { String(cString: $0) }, allowed: allowed)
        }
        callbacks.certificate_check = { cert, valid, host, payload in
            guard let cert, let payload else { return GIT_PASSTHROUGH.rawValue }
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            session.watchdog?.touch()
            return session.checkCertificate(
                cert, libgit2Trusts: valid != 0, host: host.map { String(cString: $0) } ?? "")
        }
        callbacks.transfer_progress = { stats, payload in
            guard let stats, let payload else { return 0 }
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            session.watchdog?.touch()
            session.progress?(
                TransferProgress(
                    receivedObjects: Int(stats.pointee.received_objects),
                    totalObjects: Int(stats.pointee.total_objects),
                    receivedBytes: Int(stats.pointee.received_bytes)))
            return 0
        }
        // Server messages ("Counting objects…") and pack building are signs of life too.
        callbacks.sideband_progress = { _, _, payload in
            guard let payload else { return 0 }
            Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue().watchdog?.touch()
            return 0
        }
        callbacks.pack_progress = { _, _, _, payload in
            guard let payload else { return 0 }
            Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue().watchdog?.touch()
            return 0
        }
        callbacks.push_transfer_progress = { _, _, _, payload in
            guard let payload else { return 0 }
            Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue().watchdog?.touch()
            return 0
        }
        callbacks.push_update_reference = { reference, status, payload in
            guard let payload, let status else { return 0 }  // a NULL status means the update was accepted
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            session.rejections.append((reference.map { String(cString: $0) } ?? "?", String(cString: status)))
            return 0
        }
    }

    /// A clone's checkout writes files for a while without network callbacks: a sign of life too.
    func install(into checkout: inout git_checkout_options) {
        checkout.progress_payload = Unmanaged.passUnretained(self).toOpaque()
        checkout.progress_cb = { _, _, _, payload in
            guard let payload else { return }
            Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue().watchdog?.touch()
        }
    }

    /// Offers the next credential not tried yet; GIT_PASSTHROUGH when none is left, which makes
    /// libgit2 fail the operation with an authentication error. The https token or password goes to
    /// http(s) servers only, never to an ssh server that happens to allow passwords.
    private func acquire(
        _ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>, username: String?, allowed: UInt32
    ) -> Int32 {
        // Without a user in the URL, ssh logs in as the local user, as `git clone host:path` would.
        let user = username ?? (RemoteURL.isSSH(url) ? Self.localUser : credentials.username) ?? "git"
        if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
            if credentials.useSSHAgent && !triedAgent {
                triedAgent = true
                attempts.append("the keys of ssh-agent (SSH_AUTH_SOCK)")
                return git_credential_ssh_key_from_agent(out, user)
            }
            while nextKeyFile < credentials.sshKeyFiles.count {
                let key = credentials.sshKeyFiles[nextKeyFile]
                nextKeyFile += 1
                guard FileManager.default.isReadableFile(atPath: key) else {
                    missingKeyFiles.append(key)
                    continue
                }
                let publicKey = FileManager.default.fileExists(atPath: key + ".pub") ? key + ".pub" : nil
                attempts.append(Self.describe(keyFile: key, passphrase: credentials.sshPassphrase != nil))
                return git_credential_ssh_key_new(out, user, publicKey, key, credentials.sshPassphrase)
            }
        }
        if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0, !triedPassword, !RemoteURL.isSSH(url),
            let pair = credentials.userPassword(urlUser: username)
        {
            triedPassword = true
            attempts.append(
                credentials.token != nil
                    ? "the token from RECALL_GIT_TOKEN (as user \(pair.user))"
                    : "the password from RECALL_GIT_PASSWORD for user \(pair.user)")
            return git_credential_userpass_plaintext_new(out, pair.user, pair.secret)
        }
        if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0, !gaveUsername {
            gaveUsername = true
            return git_credential_username_new(out, user)
        }
        return GIT_PASSTHROUGH.rawValue
    }

    /// libgit2 (1.5.1 and later) checks ssh host keys against the process's ~/.ssh/known_hosts
    /// itself (`libgit2Trusts`) but refuses a new or changed key with the same terse "invalid or
    /// unknown remote ssh hostkey". Here the credentials' known_hosts files are read too, so that
    /// the refusal says which case it is and what to do, RECALL_GIT_ACCEPT_NEW_HOST_KEYS can record
    /// a new key, and @revoked keys are refused. TLS certificates keep libgit2's verdict.
    private func checkCertificate(_ cert: UnsafeMutablePointer<git_cert>, libgit2Trusts: Bool, host: String) -> Int32 {
        guard cert.pointee.cert_type == GIT_CERT_HOSTKEY_LIBSSH2 else { return GIT_PASSTHROUGH.rawValue }
        let hostkey = UnsafeMutableRawPointer(cert).assumingMemoryBound(to: git_cert_hostkey.self).pointee
        let name = KnownHosts.name(host: host, port: Self.sshPort(of: url))
        guard hostkey.type.rawValue & GIT_CERT_SSH_RAW.rawValue != 0, let raw = hostkey.hostkey,
            hostkey.hostkey_len > 0
        else {
            return refuseHost("libssh2 did not hand over the host key of \(name), so it cannot be checked")
        }
        var fingerprint: String?
        if hostkey.type.rawValue & GIT_CERT_SSH_SHA256.rawValue != 0 {
            let digest = withUnsafeBytes(of: hostkey.hash_sha256) { Data($0) }
            fingerprint = "SHA256:" + digest.base64EncodedString().replacingOccurrences(of: "=", with: "")
        }
        let key = SSHHostKey(
            blob: [UInt8](UnsafeRawBufferPointer(start: raw, count: hostkey.hostkey_len)), fingerprint: fingerprint)
        let shownKey = "\(key.type) key \(key.fingerprint ?? "(no fingerprint)")"
        switch KnownHosts.check(key, name: name, files: credentials.knownHostsFiles) {
        case .trusted:
            return 0
        case .revoked(let file, let line):
            return refuseHost("the host key of \(name) (\(shownKey)) is marked @revoked in \(file):\(line)")
        case .overLimit(let file, let reason):
            return refuseHost(
                "the host key of \(name) cannot be checked: \(file) \(reason) (docs/LIMITS.md); remove the stray lines (`ssh-keygen -R` removes a host's)"
            )
        case .changed where libgit2Trusts, .unknown where libgit2Trusts:
            return 0  // libssh2 found this very key in ~/.ssh/known_hosts
        case .changed(let file, let line):
            return refuseHost(
                "the host key of \(name) (\(shownKey)) differs from the one recorded in \(file):\(line); someone may be intercepting the connection, or the server's key was replaced. If you know it was replaced, remove the old key with `ssh-keygen -R '\(name)'` and sync again"
            )
        case .unknown:
            let knownHosts = credentials.knownHostsFiles.first ?? "~/.ssh/known_hosts"
            if credentials.acceptNewHostKeys, let file = credentials.knownHostsFiles.first {
                do {
                    try KnownHosts.record(key, name: name, in: file)
                    return 0
                } catch {
                    return refuseHost("the new host key of \(name) could not be recorded in \(file): \(error)")
                }
            }
            let port = Self.sshPort(of: url).map { "-p \($0) " } ?? ""
            return refuseHost(
                "the host key of \(name) (\(shownKey)) is not in \(knownHosts); check the fingerprint with the server's owner, then add it with `ssh-keyscan \(port)-t \(key.scanType) \(host) >> \(knownHosts)` (or connect once with `ssh`), or set RECALL_GIT_ACCEPT_NEW_HOST_KEYS=1 to trust and record it on first use"
            )
        }
    }

    private func refuseHost(_ problem: String) -> Int32 {
        hostKeyProblem = problem
        git_error_set_str(Int32(GIT_ERROR_SSH.rawValue), problem)
        return GIT_ECERTIFICATE.rawValue
    }

    /// The login name of the user running Recall.
    static var localUser: String? {
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }

    /// A key file as the error lists it. libssh2 reports a missing or wrong passphrase, and an RSA
    /// key (libssh2 1.10 signs with SHA-1, which OpenSSH 8.8 and later refuse), as a refused key: the
    /// description says which it may be.
    static func describe(keyFile key: String, passphrase: Bool) -> String {
        let file = SSHKeyFile(path: key)
        var text = file.isPassphraseProtected ? "the passphrase-protected key file \(key)" : "the key file \(key)"
        if file.isPassphraseProtected {
            text += passphrase ? " with RECALL_GIT_SSH_PASSPHRASE" : " without a passphrase"
        }
        if file.type == "ssh-rsa" {
            text +=
                " (an RSA key: libssh2 1.10 signs with SHA-1, which servers since OpenSSH 8.8 refuse; use an ed25519 or ecdsa key)"
        }
        return text
    }

    /// The port of an `ssh://host:port/…` URL; nil for the default port and scp-like URLs.
    static func sshPort(of url: String) -> Int? {
        guard let schemeEnd = url.range(of: "://") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        var authority = rest[..<(rest.firstIndex(of: "/") ?? rest.endIndex)]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        if let bracket = authority.lastIndex(of: "]") { authority = authority[authority.index(after: bracket)...] }
        guard let colon = authority.lastIndex(of: ":") else { return nil }
        return Int(authority[authority.index(after: colon)...])
    }

    /// Turns a failed remote call into the error the user should see.
    func error(for code: Int32, operation: String) -> GitError {
        let last = Libgit2.lastError()
        let shown = RemoteURL.redacted(url)
        if let watchdog, watchdog.timedOut {
            return .timedOut(url: shown, operation: operation, seconds: watchdog.seconds)
        }
        if let hostKeyProblem { return .untrustedHost(url: shown, reason: hostKeyProblem) }
        if code == GIT_ECERTIFICATE.rawValue {
            let detail = last.message.split(whereSeparator: \.isNewline).joined(separator: "; ")
            return .untrustedHost(
                url: shown,
                reason:
                    "its TLS certificate is not trusted (\(detail)); check that the URL names the server the certificate was made for, and if it comes from a private certificate authority, add that authority to the system's (update-ca-certificates)"
            )
        }
        let lower = last.message.lowercased()
        // libssh2 failures while authenticating (a wrong passphrase, an unreadable key) come back as
        // a plain error, not GIT_EAUTH, but are authentication problems all the same.
        if code == GIT_EAUTH.rawValue || lower.contains("authentication") || lower.contains("failed to authenticate") {
            return .authenticationFailed(url: shown, message: authenticationSummary(libgit2Message: last.message))
        }
        if code == GIT_ENONFASTFORWARD.rawValue {
            return .pushRejected(url: shown, reference: "the branch", reason: last.message)
        }
        return .remoteUnavailable(url: shown, operation: operation, message: last.message)
    }

    /// What was tried, for the authentication error. libgit2's own message is kept when it says
    /// more than "no callback" (which only means we had nothing left to offer).
    private func authenticationSummary(libgit2Message: String) -> String {
        var parts: [String] = []
        if attempts.isEmpty {
            parts.append("no credentials were available to offer")
        } else {
            parts.append("tried \(attempts.joined(separator: ", ")), none was accepted")
        }
        if !missingKeyFiles.isEmpty {
            parts.append("key file(s) not found or unreadable: \(missingKeyFiles.joined(separator: ", "))")
        }
        if !libgit2Message.contains("no callback set") { parts.append("libgit2 said: \(libgit2Message)") }
        return parts.joined(separator: "; ")
    }
}
