import CGit2
import Foundation

/// How a path differs between HEAD, the index and the working tree.
public enum FileChange: String, Sendable, Equatable, Codable {
    case added
    case modified
    case deleted
    case typeChanged = "type-changed"
}

/// One line of `status`: a path and what happened to it since the last commit.
public struct StatusEntry: Sendable, Equatable {
    public var path: String
    public var change: FileChange

    public init(path: String, change: FileChange) {
        self.path = path
        self.change = change
    }
}

/// Who a commit is by.
public struct GitSignature: Sendable, Equatable {
    public var name: String
    public var email: String
    /// The commit time; nil for now.
    public var time: Date?

    public init(name: String, email: String, time: Date? = nil) {
        self.name = name
        self.email = email
        self.time = time
    }

    /// Used when git's configuration names nobody.
    public static let fallback = GitSignature(name: "Recall", email: "recall@localhost")
}

extension GitRepository {
    /// Changes in the index and working tree relative to HEAD, untracked files included (ignored
    /// files not), one entry per path in path order.
    public func status() throws -> [StatusEntry] {
        var options = git_status_options()
        try Libgit2.check(git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)), "status options")
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags =
            GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
            | GIT_STATUS_OPT_SORT_CASE_SENSITIVELY.rawValue
        let list = try Handle.make("status", owner: self, release: git_status_list_free) {
            git_status_list_new(&$0, pointer, &options)
        }
        var entries: [StatusEntry] = []
        for index in 0..<git_status_list_entrycount(list.pointer) {
            guard let entry = git_status_byindex(list.pointer, index)?.pointee else { continue }
            let status = entry.status.rawValue
            let delta = entry.index_to_workdir ?? entry.head_to_index
            guard let delta, let raw = delta.pointee.new_file.path ?? delta.pointee.old_file.path else { continue }
            let change: FileChange
            if status & (GIT_STATUS_WT_DELETED.rawValue | GIT_STATUS_INDEX_DELETED.rawValue) != 0 {
                change = .deleted
            } else if status & (GIT_STATUS_WT_NEW.rawValue | GIT_STATUS_INDEX_NEW.rawValue) != 0 {
                change = .added
            } else if status & (GIT_STATUS_WT_TYPECHANGE.rawValue | GIT_STATUS_INDEX_TYPECHANGE.rawValue) != 0 {
                change = .typeChanged
            } else if status & GIT_STATUS_IGNORED.rawValue != 0 {
                continue
            } else {
                change = .modified
            }
            entries.append(StatusEntry(path: String(cString: raw), change: change))
        }
        return entries
    }

    /// The configured `user.name`/`user.email`, else `GitSignature.fallback`.
    public func defaultSignature() -> GitSignature {
        var signature: UnsafeMutablePointer<git_signature>?
        guard git_signature_default(&signature, pointer) == 0, let signature else {
            return .fallback
        }
        defer { git_signature_free(signature) }  // git_signature_default hands us a copy to free
        return GitSignature(
            name: String(cString: signature.pointee.name), email: String(cString: signature.pointee.email))
    }

    /// Runs `body` with a libgit2 signature made from `signature` (freed afterwards).
    func withSignature<T>(_ signature: GitSignature, _ body: (UnsafePointer<git_signature>) throws -> T) throws -> T {
        var made: UnsafeMutablePointer<git_signature>?
        let code: Int32
        if let time = signature.time {
            code = git_signature_new(&made, signature.name, signature.email, git_time_t(time.timeIntervalSince1970), 0)
        } else {
            code = git_signature_now(&made, signature.name, signature.email)
        }
        try Libgit2.check(code, "signature for \(signature.name) <\(signature.email)>")
        guard let made else {
            throw GitError.libgit2(operation: "signature", code: -1, errorClass: "internal", message: "no signature")
        }
        defer { git_signature_free(made) }  // we created it, we free it
        return try body(made)
    }

    /// Stages every change in the working tree (new, modified and deleted files) and commits it on
    /// the current branch. Returns the new commit, or nil when there was nothing to commit.
    @discardableResult
    public func commitAll(message: String, signature: GitSignature? = nil) throws -> ObjectID? {
        let branch = try requireBranch()
        let index = try Handle.make("read of the index", owner: self, release: git_index_free) {
            git_repository_index(&$0, pointer)
        }
        var everything = git_strarray()
        let star = strdup("*")
        defer { free(star) }
        var paths: [UnsafeMutablePointer<CChar>?] = [star]
        try paths.withUnsafeMutableBufferPointer { buffer in
            everything.strings = buffer.baseAddress
            everything.count = 1
            try Libgit2.check(
                git_index_add_all(index.pointer, &everything, GIT_INDEX_ADD_DEFAULT.rawValue, nil, nil),
                "add of changes")
            try Libgit2.check(git_index_update_all(index.pointer, &everything, nil, nil), "staging of deletions")
        }
        try Libgit2.check(git_index_write(index.pointer), "write of the index")
        var treeOID = git_oid()
        try Libgit2.check(git_index_write_tree(&treeOID, index.pointer), "write of the tree")
        let treeID = ObjectID(treeOID)
        let parent = try headCommit()
        if let parent, try self.tree(ofCommit: parent).treeID == treeID { return nil }
        if parent == nil, git_index_entrycount(index.pointer) == 0 { return nil }
        return try commit(
            tree: treeID, parents: parent.map { [$0] } ?? [], message: message,
            signature: signature ?? defaultSignature(), updating: "refs/heads/\(branch)")
    }

    /// Writes a commit object; when `updating` names a reference, moves it to the new commit.
    func commit(
        tree: ObjectID, parents: [ObjectID], message: String, signature: GitSignature, updating reference: String?
    ) throws -> ObjectID {
        let treeHandle = try lookupTree(tree)
        let parentHandles = try parents.map { try lookupCommit($0) }
        var parentPointers: [OpaquePointer?] = parentHandles.map { $0.pointer }
        var oid = git_oid()
        try withSignature(signature) { sig in
            let code = parentPointers.withUnsafeMutableBufferPointer { buffer in
                git_commit_create(
                    &oid, pointer, reference, sig, sig, nil, message, treeHandle.pointer, parents.count,
                    buffer.baseAddress)
            }
            try Libgit2.check(code, "commit")
        }
        return ObjectID(oid)
    }
}

extension Handle {
    /// For a tree handle: its id.
    var treeID: ObjectID? { git_tree_id(pointer).map { ObjectID($0) } }
}
