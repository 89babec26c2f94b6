import CGit2
import Foundation

extension GitRepository {
    /// The URL of remote `name` (normally `origin`); nil when there is no such remote.
    public func remoteURL(_ name: String = "origin") throws -> String? {
        var remote: OpaquePointer?
        let code = git_remote_lookup(&remote, pointer, name)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try Libgit2.check(code, "lookup of remote \(name)")
        defer { git_remote_free(remote) }  // git_remote_lookup hands us ownership
        return git_remote_url(remote).map { String(cString: $0) }
    }

    /// Creates remote `name` with `url`, or changes its URL.
    public func setRemote(_ name: String = "origin", url: String) throws {
        try RemoteURL.validate(url)
        if try remoteURL(name) == nil {
            let remote = try Handle.make("creation of remote \(name)", owner: self, release: git_remote_free) {
                git_remote_create(&$0, pointer, name, url)
            }
            _ = remote
        } else {
            try Libgit2.check(git_remote_set_url(pointer, name, url), "change of the URL of remote \(name)")
        }
    }

    private func lookupRemote(_ name: String) throws -> (handle: Handle, url: String) {
        let remote = try Handle.make("lookup of remote \(name)", owner: self, release: git_remote_free) {
            git_remote_lookup(&$0, pointer, name)
        }
        let url = git_remote_url(remote.pointer).map { String(cString: $0) } ?? ""
        try RemoteURL.validate(url)  // the config may have been edited since the clone
        return (remote, url)
    }

    /// Fetches remote `name`'s branches into `refs/remotes/<name>/…`, reporting objects received.
    /// Returns the fetched tip of `branch` (nil when the remote has no such branch, e.g. it is empty).
    @discardableResult
    public func fetch(
        _ name: String = "origin", branch: String, credentials: GitCredentials = .none,
        progress: ((TransferProgress) -> Void)? = nil
    ) throws -> ObjectID? {
        let (remote, url) = try lookupRemote(name)
        let session = RemoteSession(url: url, credentials: credentials, progress: progress)
        var options = git_fetch_options()
        try Libgit2.check(git_fetch_options_init(&options, UInt32(GIT_FETCH_OPTIONS_VERSION)), "fetch options")
        session.install(into: &options.callbacks)
        options.prune = GIT_FETCH_PRUNE
        options.download_tags = GIT_REMOTE_DOWNLOAD_TAGS_NONE
        let code = session.guarding("fetch from") {
            git_remote_fetch(remote.pointer, nil, &options, "recall: fetch")
        }
        if code < 0 { throw session.error(for: code, operation: "fetch from") }
        return try resolve("refs/remotes/\(name)/\(branch)")
    }

    /// Pushes local `branch` to the same branch of remote `name`, without forcing. A refusal
    /// (someone else pushed first) is `GitError.pushRejected`; fetch, merge and push again.
    public func push(_ name: String = "origin", branch: String, credentials: GitCredentials = .none) throws {
        let (remote, url) = try lookupRemote(name)
        let session = RemoteSession(url: url, credentials: credentials, progress: nil)
        var options = git_push_options()
        try Libgit2.check(git_push_options_init(&options, UInt32(GIT_PUSH_OPTIONS_VERSION)), "push options")
        session.install(into: &options.callbacks)
        let refspec = strdup("refs/heads/\(branch):refs/heads/\(branch)")
        defer { free(refspec) }
        var specs: [UnsafeMutablePointer<CChar>?] = [refspec]
        let code = specs.withUnsafeMutableBufferPointer { buffer in
            var array = git_strarray(strings: buffer.baseAddress, count: 1)
            return session.guarding("push to") { git_remote_push(remote.pointer, &array, &options) }
        }
        let shown = RemoteURL.redacted(url)
        if code < 0 {
            let error = session.error(for: code, operation: "push to")
            if case .remoteUnavailable(_, _, let message) = error, Self.looksLikeRejection(message) {
                throw GitError.pushRejected(url: shown, reference: "refs/heads/\(branch)", reason: message)
            }
            throw error
        }
        if let rejection = session.rejections.first {
            throw GitError.pushRejected(url: shown, reference: rejection.reference, reason: rejection.reason)
        }
    }

    /// Servers word a refused update in several ways; these are the ones libgit2 passes on.
    static func looksLikeRejection(_ message: String) -> Bool {
        let lower = message.lowercased()
        return lower.contains("non-fast-forward") || lower.contains("fast-forward") || lower.contains("fetch first")
            || lower.contains("rejected")
    }
}
