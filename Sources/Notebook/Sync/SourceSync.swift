import DeckFormat
import Foundation
import GitSync
import RecallCore

/// What syncing one deck source did (`recall sync --json`, per source).
public struct SourceSyncReport: Sendable, Equatable {
    public var source: String
    /// Commits fetched from the remote that this clone did not have.
    public var fetched = 0
    public var added = 0
    public var updated = 0
    public var removed = 0
    public var restored = 0
    /// Deck files read by the import (only those changed between the old and new trees).
    public var filesImported = 0
    /// Cards changed differently on both sides (`deck/id`); their conflict copies sit below them.
    public var conflicts: [String] = []
    /// Local commits the remote accepted.
    public var pushed = 0
    /// Pushes refused because someone else pushed first, each followed by fetch and merge.
    public var pushRetries = 0
    /// Local edits committed by this sync (files).
    public var committed = 0
    /// Problems in deck files, as `file:line: message` (the rest was imported).
    public var problems: [String] = []
    /// Why the remote could not be fetched from or pushed to; the rest of the sync still ran.
    public var failure: String?

    public init(source: String) { self.source = source }
}

extension Notebook {
    /// Syncs one source: commits local edits, fetches, fast-forwards or merges card by card,
    /// imports only the files that changed, and pushes local commits where the remote accepts them.
    func syncSource(
        _ source: DeckSource, credentials: GitCredentials, progress: SyncProgressHandler?
    ) throws -> SourceSyncReport {
        var source = source
        var report = SourceSyncReport(source: source.name)
        let folder = folder(of: source.name)
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) else {
            throw SyncError.sourceFolderMissing(name: source.name, path: folder.path)
        }
        let repo = try GitRepository.open(at: folder)
        repo.removeStaleLocks()  // safe: the caller holds the sync lock
        try repo.finishInterruptedMove()
        let branch = try repo.requireBranch()

        let local = try repo.status()
        if !local.isEmpty {
            try repo.commitAll(message: Self.localEditsMessage(local))
            report.committed = local.count
        }
        FailPoint.hit("sync.after-commit")

        let exchange = try RemoteExchange.run(
            repo, branch: branch, credentials: credentials, progress: progress.map { p in { p(source.name, $0) } },
            beforePush: { FailPoint.hit("sync.before-push") }
        ) { tip in
            FailPoint.hit("sync.after-fetch")
            if let tip {
                let before = try repo.headCommit()
                try integrate(tip, into: repo, source: source, report: &report)
                try recordLocalCopies(repo, since: before)
            }
            FailPoint.hit("sync.after-merge")
            try importSourceChanges(repo, &source, &report)
            FailPoint.hit("sync.after-import")
        }
        // Without the remote, local edits are still imported; they go out with a later sync.
        if exchange.fetchFailed { try importSourceChanges(repo, &source, &report) }
        report.pushed = exchange.pushed
        report.pushRetries = exchange.retries
        report.failure = exchange.failure
        // Every conflict still unresolved in this source is reported by every sync, on each device
        // that holds it (the one that made the merge and those that received it), until resolved.
        let inSource = folder.path + "/"
        for conflict in try conflicts() where conflict.file.hasPrefix(inSource) {
            let key = conflict.card.description
            if !report.conflicts.contains(key) { report.conflicts.append(key) }
        }
        return report
    }

    /// Brings the fetched `tip` into the current branch.
    /// A tip whose history shares no commit with ours is refused: merging it would run against an
    /// empty base (every card a conflict) and the next push would restore the replaced history.
    private func integrate(
        _ tip: ObjectID, into repo: GitRepository, source: DeckSource, report: inout SourceSyncReport
    ) throws {
        guard let head = try repo.headCommit() else {
            report.fetched += try repo.countCommits(reachableFrom: tip)
            try repo.fastForward(to: tip)
            return
        }
        switch try repo.analyseMerge(with: tip) {
        case .upToDate:
            return
        case .fastForward:
            report.fetched += try repo.aheadBehind(local: head, upstream: tip).behind
            try repo.fastForward(to: tip)
        case .normal:
            guard try repo.mergeBase(head, tip) != nil else {
                throw SyncError.unrelatedHistory(
                    name: source.name, url: source.displayURL, resubscribe: Self.addCommand(for: source))
            }
            report.fetched += try repo.aheadBehind(local: head, upstream: tip).behind
            let outcome = try repo.merge(
                theirs: tip, message: "recall: merge \(tip.short) (card by card)", merger: Self.deckTreeMerger)
            let copies = outcome.conflicts.values.flatMap { $0 }.compactMap(CardMerge.Conflict.init(encoded:))
            report.conflicts += copies.map(\.copy)  // turned into deck/id once imported
        }
    }

    /// Remembers the conflict copies that arrived holding this notebook's own version (a merge made
    /// elsewhere), so that `conflicts resolve --ours` keeps what this learner wrote.
    private func recordLocalCopies(_ repo: GitRepository, since before: ObjectID?) throws {
        guard let before, let after = try repo.headCommit(), before != after else { return }
        var found: [String] = []
        let changed = try repo.diff(from: before, to: after).filter { $0.path.hasSuffix(".md") }
        let new = try changed.compactMap { try repo.fileContents($0.path, at: after) }
            .map { String(decoding: $0, as: UTF8.self) }.filter { $0.contains(CardMerge.conflictMarker) }
        guard !new.isEmpty else { return }
        // The card may have been in another file before the merge: read every changed file's old version.
        let old = try changed.compactMap { try repo.fileContents($0.path, at: before) }
            .map { String(decoding: $0, as: UTF8.self) }
        for text in new { found += CardMerge.copiesHoldingOldVersion(old: old, new: text) }
        if !found.isEmpty { try store.addLocalConflictCopies(found) }
    }

    /// Markdown deck files merge card by card, following cards that moved between the files of
    /// their deck (`DeckMerge`); other files go through `deckFileMerger`.
    static func deckTreeMerger(changes: [MergeChange], reader: MergeReader) throws -> [String: MergeResolution] {
        var files: [DeckMerge.File] = []
        var resolutions: [String: MergeResolution] = [:]
        let regular: Set<UInt32> = [0, 0o100644, 0o100755]
        for change in changes {
            let sides = [change.base, change.ours, change.theirs]
            let data = try sides.map { try reader.contents($0) }
            let texts = data.map { $0.flatMap { String(validating: [UInt8]($0), as: UTF8.self) } }
            let isText = zip(data, texts).allSatisfy { $0 == nil || $1 != nil }
            // A file over the deck file limit is never parsed, here as on import: it keeps this
            // side, and the import refuses it by name.
            let oversized = data.contains { ($0?.count ?? 0) > DeckLimits.maxFileBytes }
            if oversized {
                if change.changedOnBothSides {
                    resolutions[change.path] = MergeResolution(contents: data[1] ?? data[2])
                }
            } else if change.path.hasSuffix(".md"), isText, sides.allSatisfy({ regular.contains($0.mode) }) {
                files.append(
                    DeckMerge.File(
                        path: change.path, base: texts[0], ours: texts[1], theirs: texts[2],
                        changedOnOurs: change.changedOnOurs, changedOnTheirs: change.changedOnTheirs))
            } else if change.changedOnBothSides {
                resolutions[change.path] = deckFileMerger(
                    path: change.path, base: data[0], ours: data[1], theirs: data[2])
            }
        }
        var decks: [String: String?] = [:]
        func deck(of path: String) -> String {
            func parent(_ path: String) -> String? { path.lastIndex(of: "/").map { String(path[..<$0]) } }
            let start = parent(path) ?? ""
            if decks[start] == nil {
                // As the scanner does: the nearest folder with a deck.yaml, three levels up at most.
                var folder: String? = start
                var found: String?
                for _ in 0..<3 {
                    guard let current = folder, found == nil else { break }
                    let yaml = current.isEmpty ? "deck.yaml" : current + "/deck.yaml"
                    if (try? reader.exists(yaml)) == true { found = current }
                    folder = current.isEmpty ? nil : (parent(current) ?? "")
                }
                decks[start] = .some(found)
            }
            return (decks[start] ?? nil) ?? path  // a loose Markdown file is a deck of its own
        }
        resolutions.merge(DeckMerge.merge(files, deckOf: deck(of:))) { $1 }
        return resolutions
    }

    /// Markdown deck files merge card by card; other files changed on both sides keep this side
    /// (the other version stays in the merge commit's second parent).
    static func deckFileMerger(path: String, base: Data?, ours: Data?, theirs: Data?) -> MergeResolution {
        if path.hasSuffix(".md") { return CardMerge.merge(base: base, ours: ours, theirs: theirs) }
        return MergeResolution(contents: ours ?? theirs)
    }

    /// Imports the deck files that changed between the last imported commit and HEAD (plus those
    /// that had errors last time), then records HEAD as imported.
    func importSourceChanges(_ repo: GitRepository, _ source: inout DeckSource, _ report: inout SourceSyncReport)
        throws
    {
        guard let head = try repo.headCommit(), let folder = repo.workingDirectory else { return }
        let prefix = source.path.isEmpty ? "" : source.path + "/"
        let from = source.imported.flatMap { ObjectID(hex: $0) }.flatMap { repo.contains($0) ? $0 : nil }
        if from == head && source.pendingFiles.isEmpty {
            resolveConflictKeys(&report)
            return
        }
        let deckRoot = source.path.isEmpty ? folder : folder.appendingPathComponent(source.path)
        if let link = DeckFile.firstSymlink(from: folder, to: deckRoot, includingLast: true) {
            // Not followed (DECK-FORMAT.md); nothing is recorded as imported, so a fix is read in full.
            report.problems.append("\(link.path): is a symlink; symlinks are not followed in decks, skipped")
            return
        }
        var paths = Set(try repo.diff(from: from, to: head).map(\.path).filter { $0.hasPrefix(prefix) })
        paths.formUnion(source.pendingFiles)
        var result: ImportReport?
        if from == nil {
            result = try importDecks([deckRoot])
        } else if !paths.isEmpty {
            result = try importChanges(paths.sorted().map { folder.appendingPathComponent($0) }, within: deckRoot)
        }
        report.filesImported += paths.count
        if let result {
            report.added += result.counts.added
            report.updated += result.counts.updated
            report.removed += result.counts.removed
            report.restored += result.counts.restored
            report.problems += result.errors.map(\.description)
            source.pendingFiles = relativeFiles(of: result.errors, in: folder)
            if result.idsWritten > 0 {
                try repo.commitAll(message: "recall: write \(result.idsWritten) generated card id(s)")
            }
        } else {
            source.pendingFiles = []
        }
        source.imported = try repo.headCommit()?.hex
        try SourceRegistry(notebook: self).save(source)
        resolveConflictKeys(&report)
    }

    /// Conflict copies are reported by id during the merge; once imported, name them `deck/id`.
    private func resolveConflictKeys(_ report: inout SourceSyncReport) {
        guard report.conflicts.contains(where: { !$0.contains("/") }) else { return }
        let keys = (try? store.cards(includeRemoved: false)) ?? []
        report.conflicts = report.conflicts.map { copy in
            if copy.contains("/") { return copy }
            let original = CardMerge.original(ofCopy: copy) ?? copy
            return keys.first { $0.id == copy }.map { "\($0.deck)/\(original)" } ?? original
        }
    }

    /// The `recall source add` line that subscribes to `source` again as it is.
    static func addCommand(for source: DeckSource) -> String {
        var words = ["recall source add", source.displayURL, "--name", source.name]
        if !source.path.isEmpty { words += ["--path", source.path] }
        words += ["--branch", source.branch]
        return words.joined(separator: " ")
    }

    static func localEditsMessage(_ status: [StatusEntry]) -> String {
        let names = status.prefix(5).map(\.path).joined(separator: ", ")
        let more = status.count > 5 ? ", …" : ""
        return "recall: local edits to \(status.count) file(s) (\(names)\(more))"
    }
}
