import CGit2
import Foundation

/// What bringing another commit into the current branch requires.
public enum MergeAnalysis: Sendable, Equatable {
    /// The other commit is already contained in HEAD.
    case upToDate
    /// HEAD is an ancestor of the other commit (or unborn): just move forward.
    case fastForward
    /// Both sides have commits of their own: a three-way merge is needed.
    case normal
}

/// How one file changed on both sides should end up.
public struct MergeResolution: Sendable, Equatable {
    /// The merged bytes; nil deletes the file.
    public var contents: Data?
    /// What could not be reconciled automatically (kept in the file for the user); empty when clean.
    public var conflicts: [String]

    public init(contents: Data?, conflicts: [String] = []) {
        self.contents = contents
        self.conflicts = conflicts
    }
}

/// Merges one file changed on both sides: path, then base, ours and theirs (nil where absent).
/// GitSync knows files, not their meaning: the caller supplies this.
public typealias FileMerger = (_ path: String, _ base: Data?, _ ours: Data?, _ theirs: Data?) throws -> MergeResolution

/// One path changed on at least one side of a merge: its blob and mode in base, ours and theirs
/// (a side that did not change it has the base's; a missing file has no blob and mode 0).
public struct MergeChange: Sendable, Equatable {
    public struct Side: Sendable, Equatable {
        public var blob: ObjectID?
        public var mode: UInt32
    }

    public var path: String
    public var base: Side
    public var ours: Side
    public var theirs: Side
    public var changedOnOurs: Bool
    public var changedOnTheirs: Bool

    /// Changed on both sides, and not in the same way.
    public var changedOnBothSides: Bool { changedOnOurs && changedOnTheirs && ours != theirs }
}

/// Reads what a `TreeMerger` needs from the repository during the merge.
public struct MergeReader {
    /// The bytes of one side of a change (nil when the file is absent there).
    public var contents: (MergeChange.Side) throws -> Data?
    /// Whether `path` is a file in the base, our or their tree.
    public var exists: (String) throws -> Bool
}

/// Merges a whole tree: sees every path changed on either side and returns the resolution of
/// those it decides (see `GitRepository.merge(theirs:message:signature:merger:)`).
public typealias TreeMerger = (_ changes: [MergeChange], _ reader: MergeReader) throws -> [String: MergeResolution]

/// The result of a three-way merge.
public struct MergeOutcome: Sendable, Equatable {
    /// The merge commit, now HEAD.
    public var commit: ObjectID
    /// Files changed on both sides and handed to the `FileMerger`.
    public var mergedFiles: [String]
    /// Conflicts the merger reported, per file.
    public var conflicts: [String: [String]]
}

extension GitRepository {
    /// Classifies what merging `theirs` into HEAD needs (libgit2's merge analysis).
    public func analyseMerge(with theirs: ObjectID) throws -> MergeAnalysis {
        var oid = theirs.oid
        let annotated = try Handle.make("lookup of \(theirs.short)", owner: self, release: git_annotated_commit_free) {
            git_annotated_commit_lookup(&$0, pointer, &oid)
        }
        var analysis = git_merge_analysis_t(rawValue: 0)
        var preference = git_merge_preference_t(rawValue: 0)
        var heads: [OpaquePointer?] = [annotated.pointer]
        let code = heads.withUnsafeMutableBufferPointer { buffer in
            git_merge_analysis(&analysis, &preference, pointer, buffer.baseAddress, 1)
        }
        try Libgit2.check(code, "merge analysis")
        if analysis.rawValue & GIT_MERGE_ANALYSIS_UP_TO_DATE.rawValue != 0 { return .upToDate }
        if analysis.rawValue & (GIT_MERGE_ANALYSIS_FASTFORWARD.rawValue | GIT_MERGE_ANALYSIS_UNBORN.rawValue) != 0 {
            return .fastForward
        }
        return .normal
    }

    /// Moves the current branch forward to `target`, updating the working tree.
    public func fastForward(to target: ObjectID) throws {
        try moveHead(to: target)
    }

    /// Merges `theirs` into HEAD: a file changed on one side only takes that side; a file changed
    /// on both sides (differently) goes through `merger`. Writes a merge commit with both parents,
    /// updates the working tree, and moves the branch. The working tree must be clean.
    public func merge(
        theirs: ObjectID, message: String, signature: GitSignature? = nil, merger: FileMerger
    ) throws -> MergeOutcome {
        try merge(theirs: theirs, message: message, signature: signature) { changes, reader in
            var resolutions: [String: MergeResolution] = [:]
            for change in changes where change.changedOnBothSides {
                resolutions[change.path] = try merger(
                    change.path, try reader.contents(change.base), try reader.contents(change.ours),
                    try reader.contents(change.theirs))
            }
            return resolutions
        }
    }

    /// Merges `theirs` into HEAD with `merger` seeing every path changed on either side at once
    /// (so that content moving between files can be followed). A path the merger gives no
    /// resolution for takes the side that changed it, or ours when both did.
    public func merge(
        theirs: ObjectID, message: String, signature: GitSignature? = nil, merger: TreeMerger
    ) throws -> MergeOutcome {
        guard let ours = try headCommit() else {
            try moveHead(to: theirs)
            return MergeOutcome(commit: theirs, mergedFiles: [], conflicts: [:])
        }
        let base = try mergeBase(ours, theirs)
        let baseTree = try base.map { try tree(ofCommit: $0) }
        let oursTree = try tree(ofCommit: ours)
        let theirsTree = try tree(ofCommit: theirs)
        var oursChanges: [String: TreeChange] = [:]
        for change in try diff(baseTree, oursTree) { oursChanges[change.path] = change }
        var theirsChanges: [String: TreeChange] = [:]
        for change in try diff(baseTree, theirsTree) { theirsChanges[change.path] = change }

        var changes: [MergeChange] = []
        for path in Set(oursChanges.keys).union(theirsChanges.keys).sorted() {
            let mine = oursChanges[path]
            let their = theirsChanges[path]
            let before = mine ?? their
            let baseSide = MergeChange.Side(blob: before?.oldBlob, mode: before?.oldMode ?? 0)
            changes.append(
                MergeChange(
                    path: path, base: baseSide,
                    ours: mine.map { .init(blob: $0.newBlob, mode: $0.newMode) } ?? baseSide,
                    theirs: their.map { .init(blob: $0.newBlob, mode: $0.newMode) } ?? baseSide,
                    changedOnOurs: mine != nil, changedOnTheirs: their != nil))
        }
        let reader = MergeReader(
            contents: { [self] side in try side.blob.map { try blobData($0) } },
            exists: { [self] path in
                try [baseTree, oursTree, theirsTree].contains { tree in
                    try tree.map { try fileContents(path, in: $0) != nil } ?? false
                }
            })
        let resolutions = try merger(changes, reader)

        // An in-memory index starting from our tree receives the merged changes.
        let index = try Handle.make("creation of an index", owner: nil, release: git_index_free) {
            git_index_new(&$0)
        }
        try Libgit2.check(git_index_read_tree(index.pointer, oursTree.pointer), "read of our tree")
        var merged: [String] = []
        var conflicts: [String: [String]] = [:]
        for change in changes {
            let path = change.path
            if change.changedOnBothSides { merged.append(path) }
            if let resolution = resolutions[path] {
                if !resolution.conflicts.isEmpty { conflicts[path] = resolution.conflicts }
                if let contents = resolution.contents {
                    let modes = [change.ours.mode, change.theirs.mode, change.base.mode]
                    let mode: UInt32 = modes.first(where: { $0 != 0 }) ?? 0o100644
                    try stage(path, blob: try writeBlob(contents), mode: mode, in: index)
                } else {
                    try unstage(path, in: index)
                }
            } else if change.changedOnTheirs && !change.changedOnBothSides {
                if let blob = change.theirs.blob {
                    try stage(path, blob: blob, mode: change.theirs.mode, in: index)
                } else {
                    try unstage(path, in: index)
                }
            }  // otherwise ours, already in the index
        }
        var treeOID = git_oid()
        try Libgit2.check(git_index_write_tree_to(&treeOID, index.pointer, pointer), "write of the merged tree")
        let commit = try self.commit(
            tree: ObjectID(treeOID), parents: [ours, theirs], message: message,
            signature: signature ?? defaultSignature(), updating: nil)
        try moveHead(to: commit)
        return MergeOutcome(commit: commit, mergedFiles: merged, conflicts: conflicts)
    }

    /// The best common ancestor of two commits; nil when their histories are unrelated.
    public func mergeBase(_ a: ObjectID, _ b: ObjectID) throws -> ObjectID? {
        var out = git_oid()
        var one = a.oid
        var two = b.oid
        let code = git_merge_base(&out, pointer, &one, &two)
        if code == GIT_ENOTFOUND.rawValue { return nil }
        try Libgit2.check(code, "merge base of \(a.short) and \(b.short)")
        return ObjectID(out)
    }

    private func stage(_ path: String, blob: ObjectID, mode: UInt32, in index: Handle) throws {
        var entry = git_index_entry()
        entry.id = blob.oid
        entry.mode = mode
        let code = path.withCString { raw in
            entry.path = raw
            return git_index_add(index.pointer, &entry)
        }
        try Libgit2.check(code, "staging of \(path)")
    }

    private func unstage(_ path: String, in index: Handle) throws {
        let code = git_index_remove(index.pointer, path, 0)
        if code == GIT_ENOTFOUND.rawValue { return }
        try Libgit2.check(code, "removal of \(path)")
    }

    // MARK: - Moving HEAD safely

    /// The journal of a HEAD move in progress: "old new". Written before the working tree is
    /// touched and removed once the branch points to the new commit, so that a process killed in
    /// between lets the next one finish the move (`finishInterruptedMove`).
    var moveJournal: URL { gitDirectory.appendingPathComponent("RECALL_MOVE") }

    /// Checks out `target` into the working tree (safely: files with uncommitted changes are
    /// never overwritten), then moves the current branch to it.
    func moveHead(to target: ObjectID) throws {
        let branch = try requireBranch()
        let old = try headCommit()
        let journal = "\(old?.hex ?? "-") \(target.hex)\n"
        try Data(journal.utf8).write(to: moveJournal, options: .atomic)
        try checkout(target, force: false, paths: nil)
        FailPoint.hit("git.after-checkout")
        try setBranch(branch, to: target, expecting: old)
        try? FileManager.default.removeItem(at: moveJournal)
    }

    /// Completes a HEAD move a killed process left half done: if the branch still points to the
    /// old commit, the files that differ between old and new are forced to the new version (they
    /// may be half-written) and the branch is moved. Returns whether there was anything to finish.
    @discardableResult
    public func finishInterruptedMove() throws -> Bool {
        guard let text = try? String(contentsOf: moveJournal, encoding: .utf8) else { return false }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        defer { try? FileManager.default.removeItem(at: moveJournal) }
        guard parts.count == 2, let target = ObjectID(hex: parts[1]), contains(target) else { return false }
        let old = ObjectID(hex: parts[0])
        let head = try headCommit()
        guard head == old, let branch = try currentBranch() else { return false }
        let paths = try diff(from: old, to: target).map(\.path)
        try checkout(target, force: true, paths: paths)
        try setBranch(branch, to: target, expecting: old)
        return true
    }

    private func checkout(_ commit: ObjectID, force: Bool, paths: [String]?) throws {
        let tree = try tree(ofCommit: commit)
        var options = git_checkout_options()
        try Libgit2.check(git_checkout_options_init(&options, UInt32(GIT_CHECKOUT_OPTIONS_VERSION)), "checkout options")
        options.checkout_strategy = force ? GIT_CHECKOUT_FORCE.rawValue : GIT_CHECKOUT_SAFE.rawValue
        if FailPoint.isArmed {
            // `git.mid-checkout`: killed after the first file is written, the rest not yet.
            options.progress_cb = { _, completed, _, _ in if completed >= 1 { FailPoint.hit("git.mid-checkout") } }
        }
        if let paths {
            if paths.isEmpty { return }
            options.checkout_strategy |= GIT_CHECKOUT_DISABLE_PATHSPEC_MATCH.rawValue
        }
        let owned = (paths ?? []).map { strdup($0) }
        defer { owned.forEach { free($0) } }
        var pointers: [UnsafeMutablePointer<CChar>?] = owned
        let code = pointers.withUnsafeMutableBufferPointer { buffer in
            if paths != nil {
                options.paths = git_strarray(strings: buffer.baseAddress, count: buffer.count)
            }
            return git_checkout_tree(pointer, tree.pointer, &options)
        }
        try Libgit2.check(code, "checkout of \(commit.short)")
    }

    private func setBranch(_ branch: String, to target: ObjectID, expecting old: ObjectID?) throws {
        var oid = target.oid
        var reference: OpaquePointer?
        let name = "refs/heads/\(branch)"
        let code: Int32
        if let old {
            var expected = old.oid
            code = git_reference_create_matching(&reference, pointer, name, &oid, 1, &expected, "recall: sync")
        } else {
            code = git_reference_create(&reference, pointer, name, &oid, 0, "recall: sync")
        }
        git_reference_free(reference)  // we only needed the side effect
        try Libgit2.check(code, "move of \(branch) to \(target.short)")
    }
}
