import RecallCore

/// What went wrong with a git operation, said so that the user knows what to do.
public enum GitError: UserFacingError, Equatable {
    /// A libgit2 call failed: the operation we attempted, libgit2's return code, error class and message.
    case libgit2(operation: String, code: Int32, errorClass: String, message: String)
    /// The URL names a transport Recall refuses (`ext::`, `fd::`, an unknown scheme).
    case unsupportedTransport(url: String, reason: String)
    /// The remote could not be reached or read (network down, host unknown, repository deleted).
    case remoteUnavailable(url: String, operation: String, message: String)
    /// The remote refused our credentials, or none were available.
    case authenticationFailed(url: String, message: String)
    /// The server could not be trusted: an ssh host key not in known_hosts or different from the
    /// recorded one, or a TLS certificate that no trusted authority vouches for.
    case untrustedHost(url: String, reason: String)
    /// The remote refused to update a branch, typically because someone else pushed first.
    case pushRejected(url: String, reference: String, reason: String)
    /// The remote went `seconds` without a sign of life (no connection, or no data on it).
    case timedOut(url: String, operation: String, seconds: Double)
    case notARepository(path: String)
    /// HEAD is not on a branch; sync works on branches only.
    case detachedHead(path: String)
    case unknownBranch(name: String, path: String)
    /// libgit2 could not be loaded (it is loaded on the first git operation, not at start-up).
    case libraryMissing(message: String)

    public var description: String {
        switch self {
        case .libgit2(let operation, let code, let errorClass, let message):
            return "git \(operation) failed: \(message) (libgit2 \(errorClass) error, code \(code))"
        case .unsupportedTransport(let url, let reason):
            return
                "refusing remote '\(url)': \(reason); use a path, file://, git://, ssh://, user@host:path, https:// or http://"
        case .remoteUnavailable(let url, let operation, let message):
            return
                "cannot \(operation) \(url): \(message); check the URL, the network, and that the repository still exists"
        case .authenticationFailed(let url, let message):
            return
                "authentication to \(url) failed: \(message); for https set RECALL_GIT_TOKEN (or RECALL_GIT_USERNAME and RECALL_GIT_PASSWORD), for ssh load your key into ssh-agent or set RECALL_GIT_SSH_KEY (and RECALL_GIT_SSH_PASSPHRASE)"
        case .untrustedHost(let url, let reason):
            return "refusing to sync with \(url): \(reason)"
        case .pushRejected(let url, let reference, let reason):
            return
                "\(url) rejected the update of \(reference): \(reason); sync again to merge the remote's changes first"
        case .timedOut(let url, let operation, let seconds):
            let shown = seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
            return
                "cannot \(operation) \(url): no answer for \(shown) s (connection not made, or nothing received on it), so Recall gave up; check the URL and that the server is up, or allow a slow server more time with RECALL_GIT_TIMEOUT=SECONDS (now \(shown))"
        case .notARepository(let path):
            return "\(path) is not a git repository; remove it and add the source again"
        case .detachedHead(let path):
            return "\(path) is not on a branch (detached HEAD); check out a branch there, e.g. `git switch main`"
        case .unknownBranch(let name, let path):
            return "branch '\(name)' does not exist in \(path); check the branch name"
        case .libraryMissing(let message):
            return message
        }
    }

    /// True for a push refused because the remote moved on (fetch, merge and push again).
    public var isPushRejection: Bool {
        if case .pushRejected = self { return true }
        return false
    }
}
