import CGit2

/// One path that differs between two trees.
public struct TreeChange: Sendable, Equatable {
    public var path: String
    public var change: FileChange
    /// The blob before (nil when added) and after (nil when deleted).
    public var oldBlob: ObjectID?
    public var newBlob: ObjectID?
    /// File modes (0o100644, 0o100755, 0o120000 …); 0 on the missing side.
    public var oldMode: UInt32
    public var newMode: UInt32
}

extension GitRepository {
    /// The files that differ between the trees of two commits (`from` nil: the empty tree), in path
    /// order. Renames are reported as a deletion and an addition.
    public func diff(from old: ObjectID?, to new: ObjectID) throws -> [TreeChange] {
        let oldTree = try old.map { try tree(ofCommit: $0) }
        return try diff(oldTree, try tree(ofCommit: new))
    }

    func diff(_ old: Handle?, _ new: Handle?) throws -> [TreeChange] {
        var options = git_diff_options()
        try Libgit2.check(git_diff_options_init(&options, UInt32(GIT_DIFF_OPTIONS_VERSION)), "diff options")
        let diff = try Handle.make("diff of two trees", owner: self, release: git_diff_free) {
            git_diff_tree_to_tree(&$0, pointer, old?.pointer, new?.pointer, &options)
        }
        var changes: [TreeChange] = []
        for index in 0..<git_diff_num_deltas(diff.pointer) {
            guard let delta = git_diff_get_delta(diff.pointer, index)?.pointee else { continue }
            let change: FileChange
            switch delta.status {
            case GIT_DELTA_ADDED: change = .added
            case GIT_DELTA_DELETED: change = .deleted
            case GIT_DELTA_TYPECHANGE: change = .typeChanged
            default: change = .modified
            }
            guard let raw = delta.new_file.path ?? delta.old_file.path else { continue }
            changes.append(
                TreeChange(
                    path: String(cString: raw), change: change,
                    oldBlob: change == .added ? nil : ObjectID(delta.old_file.id),
                    newBlob: change == .deleted ? nil : ObjectID(delta.new_file.id),
                    oldMode: UInt32(delta.old_file.mode), newMode: UInt32(delta.new_file.mode)))
        }
        return changes
    }
}
