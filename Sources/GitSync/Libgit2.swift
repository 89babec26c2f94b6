import CGit2

/// The one place libgit2 is initialised and its errors are read.
enum Libgit2 {
    /// Loads libgit2 (it is not linked, so commands that never use git start faster: see
    /// Sources/CGit2) and runs `git_libgit2_init`, once per process (a lazily initialised global
    /// is thread-safe in Swift). libgit2 is never shut down: the process exit releases it.
    private static let initialised: Result<Int32, GitError> = {
        var message: UnsafePointer<CChar>?
        guard recall_git2_load(&message) == 0 else {
            return .failure(.libraryMissing(message: message.map { String(cString: $0) } ?? "cannot load libgit2"))
        }
        return .success(git_libgit2_init())
    }()

    /// Every path into libgit2 starts here: a repository is opened, created or cloned first.
    static func ensureInitialised() throws { _ = try initialised.get() }

    /// The thread's last libgit2 error; libgit2 1.5 may return NULL there, hence the defaults.
    static func lastError() -> (errorClass: String, message: String) {
        guard let error = git_error_last() else { return ("unknown", "no message from libgit2") }
        let message = error.pointee.message.map { String(cString: $0) } ?? "no message from libgit2"
        return (className(error.pointee.klass), message.trimmingCharacters(in: ["\n", " "]))
    }

    /// Throws `GitError.libgit2` when `code` is negative.
    @discardableResult
    static func check(_ code: Int32, _ operation: @autoclosure () -> String) throws -> Int32 {
        guard code < 0 else { return code }
        let last = lastError()
        throw GitError.libgit2(operation: operation(), code: code, errorClass: last.errorClass, message: last.message)
    }

    static func className(_ klass: Int32) -> String {
        let names = [
            "none", "no-memory", "os", "invalid", "reference", "zlib", "repository", "config", "regex", "odb", "index",
            "object", "net", "tag", "tree", "indexer", "ssl", "submodule", "thread", "stash", "checkout", "fetchhead",
            "merge", "ssh", "filter", "revert", "callback", "cherrypick", "describe", "rebase", "filesystem", "patch",
            "worktree", "sha1", "http", "internal",
        ]
        return names.indices.contains(Int(klass)) ? names[Int(klass)] : "class \(klass)"
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Set<Character>) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
