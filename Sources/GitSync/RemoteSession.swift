import CGit2
import Foundation

/// Objects received while fetching or cloning.
public struct TransferProgress: Sendable, Equatable {
    public var receivedObjects: Int
    public var totalObjects: Int
    public var receivedBytes: Int
}

/// The state shared with libgit2's remote callbacks during one fetch, clone or push: credentials
/// to offer (each at most once, so a wrong secret cannot loop), progress to report, and the
/// branches the remote refused. Passed to C as the callbacks' payload and retained for the call.
final class RemoteSession {
    let url: String
    let credentials: GitCredentials
    let progress: ((TransferProgress) -> Void)?
    private(set) var rejections: [(reference: String, reason: String)] = []
    private var triedAgent = false
    private var nextKeyFile = 0
    private var triedPassword = false
    private(set) var offeredCredentials = false

    init(url: String, credentials: GitCredentials, progress: ((TransferProgress) -> Void)?) {
        self.url = url
        self.credentials = credentials
        self.progress = progress
    }

    /// Fills libgit2's callback table with this session as payload. The payload stays valid as long
    /// as `self` lives: callers keep the session alive for the duration of the libgit2 call.
    func install(into callbacks: inout git_remote_callbacks) {
        callbacks.payload = Unmanaged.passUnretained(self).toOpaque()
        callbacks.credentials = { out, url, username, allowed, payload in
            guard let out, let payload else { return GIT_PASSTHROUGH.rawValue }
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            return session.acquire(out, username: username.map { String(cString: $0) }, allowed: allowed)
        }
        callbacks.transfer_progress = { stats, payload in
            guard let stats, let payload else { return 0 }
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            session.progress?(
                TransferProgress(
                    receivedObjects: Int(stats.pointee.received_objects),
                    totalObjects: Int(stats.pointee.total_objects),
                    receivedBytes: Int(stats.pointee.received_bytes)))
            return 0
        }
        callbacks.push_update_reference = { reference, status, payload in
            guard let payload, let status else { return 0 }  // a NULL status means the update was accepted
            let session = Unmanaged<RemoteSession>.fromOpaque(payload).takeUnretainedValue()
            session.rejections.append((reference.map { String(cString: $0) } ?? "?", String(cString: status)))
            return 0
        }
    }

    /// Offers the next credential not tried yet; GIT_PASSTHROUGH when none is left, which makes
    /// libgit2 fail the operation with an authentication error.
    private func acquire(
        _ out: UnsafeMutablePointer<UnsafeMutablePointer<git_credential>?>, username: String?, allowed: UInt32
    ) -> Int32 {
        let user = username ?? credentials.username ?? "git"
        if allowed & GIT_CREDENTIAL_SSH_KEY.rawValue != 0 {
            if credentials.useSSHAgent && !triedAgent {
                triedAgent = true
                offeredCredentials = true
                return git_credential_ssh_key_from_agent(out, user)
            }
            while nextKeyFile < credentials.sshKeyFiles.count {
                let key = credentials.sshKeyFiles[nextKeyFile]
                nextKeyFile += 1
                let publicKey = FileManager.default.fileExists(atPath: key + ".pub") ? key + ".pub" : nil
                offeredCredentials = true
                return git_credential_ssh_key_new(out, user, publicKey, key, credentials.sshPassphrase)
            }
        }
        if allowed & GIT_CREDENTIAL_USERPASS_PLAINTEXT.rawValue != 0, !triedPassword,
            let pair = credentials.userPassword
        {
            triedPassword = true
            offeredCredentials = true
            return git_credential_userpass_plaintext_new(out, pair.user, pair.secret)
        }
        if allowed & GIT_CREDENTIAL_USERNAME.rawValue != 0 {
            return git_credential_username_new(out, user)
        }
        return GIT_PASSTHROUGH.rawValue
    }

    /// Turns a failed remote call into the error the user should see.
    func error(for code: Int32, operation: String) -> GitError {
        let last = Libgit2.lastError()
        let shown = RemoteURL.redacted(url)
        if code == GIT_EAUTH.rawValue || last.message.lowercased().contains("authentication") {
            return .authenticationFailed(url: shown, message: last.message)
        }
        if code == GIT_ENONFASTFORWARD.rawValue {
            return .pushRejected(url: shown, reference: "the branch", reason: last.message)
        }
        return .remoteUnavailable(url: shown, operation: operation, message: last.message)
    }
}
