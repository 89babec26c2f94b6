import CGit2
import Foundation

/// One git repository, opened through libgit2. Owns its `git_repository` handle (freed in
/// `deinit`) and every object read from it. Not thread-safe: one owner uses it at a time.
public final class GitRepository {
    let pointer: OpaquePointer
    /// The working tree; nil for a bare repository.
    public let workingDirectory: URL?
    /// The `.git` folder (or the bare repository itself).
    public let gitDirectory: URL

    /// Assumes ownership of `pointer`.
    private init(owning pointer: OpaquePointer) {
        self.pointer = pointer
        self.workingDirectory = git_repository_workdir(pointer).map { URL(fileURLWithPath: String(cString: $0)) }
        self.gitDirectory = URL(fileURLWithPath: String(cString: git_repository_path(pointer)))
    }

    deinit {
        // libgit2: "Free a previously allocated repository"; every object read from it has been
        // freed first, because each Handle keeps this repository alive until it is itself freed.
        git_repository_free(pointer)
    }

    /// Opens the repository at exactly `url` (no search upwards through parent folders).
    public static func open(at url: URL) throws -> GitRepository {
        try Libgit2.ensureInitialised()
        var pointer: OpaquePointer?
        let code = git_repository_open_ext(&pointer, url.path, UInt32(GIT_REPOSITORY_OPEN_NO_SEARCH.rawValue), nil)
        guard code == 0, let pointer else {
            git_repository_free(pointer)  // a half-open handle is closed before throwing
            if code == GIT_ENOTFOUND.rawValue { throw GitError.notARepository(path: url.path) }
            try Libgit2.check(code < 0 ? code : -1, "open of \(url.path)")
            throw GitError.notARepository(path: url.path)
        }
        return GitRepository(owning: pointer)
    }

    /// Creates a new repository (bare or with a working tree) whose HEAD is the unborn `branch`.
    public static func create(at url: URL, bare: Bool = false, branch: String = "main") throws -> GitRepository {
        try Libgit2.ensureInitialised()
        var options = git_repository_init_options()
        try Libgit2.check(
            git_repository_init_options_init(&options, UInt32(GIT_REPOSITORY_INIT_OPTIONS_VERSION)), "init options")
        options.flags = GIT_REPOSITORY_INIT_MKPATH.rawValue | (bare ? GIT_REPOSITORY_INIT_BARE.rawValue : 0)
        var pointer: OpaquePointer?
        let code = branch.withCString { name in
            options.initial_head = name
            return git_repository_init_ext(&pointer, url.path, &options)
        }
        guard code == 0, let pointer else {
            git_repository_free(pointer)
            try Libgit2.check(code < 0 ? code : -1, "init of \(url.path)")
            throw GitError.notARepository(path: url.path)
        }
        return GitRepository(owning: pointer)
    }

    /// Clones `url` into `destination` (which must not exist or be empty), checking out `branch`
    /// or the remote's default branch. An empty remote gives a repository on the unborn `main`.
    /// On failure the half-made destination is removed.
    public static func clone(
        from url: String, to destination: URL, branch: String? = nil, credentials: GitCredentials = .none,
        progress: ((TransferProgress) -> Void)? = nil
    ) throws -> GitRepository {
        try Libgit2.ensureInitialised()
        try RemoteURL.validate(url)
        let existed = FileManager.default.fileExists(atPath: destination.path)
        let session = RemoteSession(url: url, credentials: credentials, progress: progress)
        var options = git_clone_options()
        try Libgit2.check(git_clone_options_init(&options, UInt32(GIT_CLONE_OPTIONS_VERSION)), "clone options")
        session.install(into: &options.fetch_opts.callbacks)
        session.install(into: &options.checkout_opts)
        var pointer: OpaquePointer?
        let code: Int32 = session.guarding("clone") {
            if let branch {
                return branch.withCString { name in
                    options.checkout_branch = name
                    return git_clone(&pointer, url, destination.path, &options)
                }
            }
            return git_clone(&pointer, url, destination.path, &options)
        }
        guard code == 0, let pointer else {
            git_repository_free(pointer)
            if !existed { try? FileManager.default.removeItem(at: destination) }
            let last = Libgit2.lastError()
            if let branch, code == GIT_ENOTFOUND.rawValue, last.message.contains(branch) {
                throw GitError.unknownBranch(name: branch, path: RemoteURL.redacted(url))
            }
            throw session.error(for: code, operation: "clone")
        }
        let repository = GitRepository(owning: pointer)
        if try repository.headCommit() == nil {
            try repository.setUnbornBranch(branch ?? "main")
        }
        return repository
    }

    // MARK: - HEAD and branches

    /// The commit HEAD points to; nil when the branch is unborn (no commit yet).
    public func headCommit() throws -> ObjectID? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, pointer, "HEAD")
        if code == GIT_ENOTFOUND.rawValue || code == GIT_EUNBORNBRANCH.rawValue { return nil }
        try Libgit2.check(code, "read of HEAD")
        return ObjectID(oid)
    }

    /// The branch HEAD is on (`main`), born or unborn; nil when HEAD is detached.
    public func currentBranch() throws -> String? {
        let head = try Handle.make("read of HEAD", owner: self, release: git_reference_free) {
            git_reference_lookup(&$0, pointer, "HEAD")
        }
        guard git_reference_type(head.pointer) == GIT_REFERENCE_SYMBOLIC,
            let target = git_reference_symbolic_target(head.pointer)
        else { return nil }
        let name = String(cString: target)
        let prefix = "refs/heads/"
        return name.hasPrefix(prefix) ? String(name.dropFirst(prefix.count)) : nil
    }

    /// The branch HEAD is on; throws for a detached HEAD.
    public func requireBranch() throws -> String {
        guard let branch = try currentBranch() else {
            throw GitError.detachedHead(path: (workingDirectory ?? gitDirectory).path)
        }
        return branch
    }

    /// Points HEAD at `branch` without moving anything (for a fresh, empty repository).
    func setUnbornBranch(_ branch: String) throws {
        try Libgit2.check(git_repository_set_head(pointer, "refs/heads/\(branch)"), "set HEAD to \(branch)")
    }

    /// The commit a reference (`refs/remotes/origin/main`) names; nil when it does not exist.
    public func resolve(_ reference: String) throws -> ObjectID? {
        var oid = git_oid()
        let code = git_reference_name_to_id(&oid, pointer, reference)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try Libgit2.check(code, "read of \(reference)")
        return ObjectID(oid)
    }

    /// How many commits `local` has that `upstream` lacks, and the reverse.
    public func aheadBehind(local: ObjectID, upstream: ObjectID) throws -> (ahead: Int, behind: Int) {
        var ahead = 0
        var behind = 0
        var l = local.oid
        var u = upstream.oid
        try Libgit2.check(git_graph_ahead_behind(&ahead, &behind, pointer, &l, &u), "ahead/behind count")
        return (ahead, behind)
    }

    /// How many commits are reachable from `commit` (its whole history).
    public func countCommits(reachableFrom commit: ObjectID) throws -> Int {
        let walk = try Handle.make("revision walk", owner: self, release: git_revwalk_free) {
            git_revwalk_new(&$0, pointer)
        }
        var start = commit.oid
        try Libgit2.check(git_revwalk_push(walk.pointer, &start), "revision walk from \(commit.short)")
        var count = 0
        var oid = git_oid()
        while git_revwalk_next(&oid, walk.pointer) == 0 { count += 1 }
        return count
    }

    /// Whether `commit` exists in this repository's object database.
    public func contains(_ commit: ObjectID) -> Bool {
        var oid = commit.oid
        var object: OpaquePointer?
        let code = git_object_lookup(&object, pointer, &oid, GIT_OBJECT_COMMIT)
        git_object_free(object)
        return code == 0
    }

    // MARK: - Objects

    func lookupCommit(_ id: ObjectID) throws -> Handle {
        var oid = id.oid
        return try Handle.make("read of commit \(id.short)", owner: self, release: git_commit_free) {
            git_commit_lookup(&$0, pointer, &oid)
        }
    }

    func tree(ofCommit id: ObjectID) throws -> Handle {
        let commit = try lookupCommit(id)
        return try Handle.make("read of the tree of \(id.short)", owner: self, release: git_tree_free) {
            git_commit_tree(&$0, commit.pointer)
        }
    }

    func lookupTree(_ id: ObjectID) throws -> Handle {
        var oid = id.oid
        return try Handle.make("read of tree \(id.short)", owner: self, release: git_tree_free) {
            git_tree_lookup(&$0, pointer, &oid)
        }
    }

    /// The bytes of the file at `path` in `commit`'s tree; nil when the path is absent.
    public func fileContents(_ path: String, at commit: ObjectID) throws -> Data? {
        let tree = try tree(ofCommit: commit)
        return try fileContents(path, in: tree)
    }

    func fileContents(_ path: String, in tree: Handle) throws -> Data? {
        var entry: OpaquePointer?
        let code = git_tree_entry_bypath(&entry, tree.pointer, path)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try Libgit2.check(code, "lookup of \(path)")
        guard let entry else { return nil }
        defer { git_tree_entry_free(entry) }  // git_tree_entry_bypath hands us ownership of the entry
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB, let id = git_tree_entry_id(entry) else { return nil }
        return try blobData(ObjectID(id))
    }

    func blobData(_ id: ObjectID) throws -> Data {
        var oid = id.oid
        let blob = try Handle.make("read of blob \(id.short)", owner: self, release: git_blob_free) {
            git_blob_lookup(&$0, pointer, &oid)
        }
        let size = Int(git_blob_rawsize(blob.pointer))
        guard size > 0, let raw = git_blob_rawcontent(blob.pointer) else { return Data() }
        return Data(bytes: raw, count: size)
    }

    func writeBlob(_ data: Data) throws -> ObjectID {
        var oid = git_oid()
        let code = data.withUnsafeBytes { bytes in
            git_blob_create_from_buffer(&oid, pointer, bytes.baseAddress, bytes.count)
        }
        try Libgit2.check(code, "write of a blob")
        return ObjectID(oid)
    }

    // MARK: - Crash leftovers

    /// Removes lock files a killed process left behind (`index.lock`, `HEAD.lock`, ref locks).
    /// Call it only while holding a lock that guarantees no other process works in this repository.
    /// Returns the paths removed.
    @discardableResult
    public func removeStaleLocks() -> [String] {
        var removed: [String] = []
        let root = gitDirectory
        var candidates = ["index.lock", "HEAD.lock", "config.lock", "packed-refs.lock", "ORIG_HEAD.lock"].map {
            root.appendingPathComponent($0)
        }
        if let walker = FileManager.default.enumerator(
            at: root.appendingPathComponent("refs"), includingPropertiesForKeys: nil)
        {
            for case let url as URL in walker where url.pathExtension == "lock" { candidates.append(url) }
        }
        for url in candidates where FileManager.default.fileExists(atPath: url.path) {
            if (try? FileManager.default.removeItem(at: url)) != nil { removed.append(url.path) }
        }
        return removed
    }
}
