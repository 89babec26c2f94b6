import DeckFormat
import Foundation
import GitSync
import RecallCore

/// Reports a transfer's progress: which source (or "progress"), objects received and total.
public typealias SyncProgressHandler = (_ what: String, _ progress: TransferProgress) -> Void

/// What `recall source add` did.
public struct SourceAddReport: Sendable {
    public var source: DeckSource
    public var commit: String
    public var imported: ImportReport
}

/// One line of `recall source list`.
public struct SourceSummary: Sendable {
    public var source: DeckSource
    /// The commit checked out; nil when the clone is missing or empty.
    public var head: String?
    public var folder: String
}

extension Notebook {
    /// Subscribes to a deck repository: clones `url` (optionally `branch`) into
    /// `<home>/sources/<name>/` and imports the decks under `path` (e.g. `Decks`).
    public func addSource(
        url: String, name: String? = nil, path: String = "", branch: String? = nil,
        credentials: GitCredentials = .fromEnvironment(), progress: SyncProgressHandler? = nil
    ) throws -> SourceAddReport {
        try RemoteURL.validate(url)
        let url = Self.absoluteIfLocal(url)
        if let local = Self.localPath(url), !FileManager.default.fileExists(atPath: local) {
            throw SyncError.noLocalRepository(local)
        }
        let name = name ?? Self.defaultSourceName(url)
        guard Identifier.isValid(name) else { throw SyncError.badSourceName(name) }
        let subpath = try Self.cleanSubpath(path)
        let registry = SourceRegistry(notebook: self)
        let lock = try SyncLock(home: environment.home)
        defer { withExtendedLifetime(lock) {} }
        if try registry.find(name) != nil { throw SyncError.sourceExists(name) }
        let folder = folder(of: name)
        // A folder without a record is what an interrupted add or remove leaves: start afresh.
        try? FileManager.default.removeItem(at: folder)
        try FileManager.default.createDirectory(at: sourcesFolder, withIntermediateDirectories: true)
        let repo = try GitRepository.clone(
            from: url, to: folder, branch: branch, credentials: credentials,
            progress: progress.map { p in { p(name, $0) } })
        let deckRoot = subpath.isEmpty ? folder : folder.appendingPathComponent(subpath)
        var isDirectory: ObjCBool = false
        // A symlinked deck folder is not followed (DECK-FORMAT.md): it could lead anywhere on this machine.
        guard FileManager.default.fileExists(atPath: deckRoot.path, isDirectory: &isDirectory), isDirectory.boolValue,
            DeckFile.firstSymlink(from: folder, to: deckRoot, includingLast: true) == nil
        else {
            try? FileManager.default.removeItem(at: folder)
            throw SyncError.noDecksInSource(name: name, path: subpath)
        }
        var source = DeckSource(
            name: name, url: url, path: subpath, branch: try repo.requireBranch(), imported: nil, pendingFiles: [])
        let result = try importDecks([deckRoot])
        if result.idsWritten > 0 {
            try repo.commitAll(message: "recall: write \(result.idsWritten) generated card id(s)")
        }
        let head = try repo.headCommit()
        source.imported = head?.hex
        source.pendingFiles = relativeFiles(of: result.errors, in: folder)
        try registry.save(source)
        return SourceAddReport(source: source, commit: head?.short ?? "-", imported: result)
    }

    /// The subscribed sources with the commit each has checked out.
    public func sources() throws -> [SourceSummary] {
        try SourceRegistry(notebook: self).all().map { source in
            let folder = folder(of: source.name)
            let head = (try? GitRepository.open(at: folder)).flatMap { try? $0.headCommit() }
            return SourceSummary(source: source, head: head?.short, folder: folder.path)
        }
    }

    /// Unsubscribes: the clone is deleted and the cards it brought are marked removed, their review
    /// history kept (they come back with it if the source is added again). Returns how many cards
    /// were marked removed.
    @discardableResult
    public func removeSource(_ name: String) throws -> Int {
        let registry = SourceRegistry(notebook: self)
        let lock = try SyncLock(home: environment.home)
        defer { withExtendedLifetime(lock) {} }
        guard let source = try registry.find(name) else { throw SyncError.unknownSource(name) }
        // The record goes first: a sync must never commit what follows back to the remote.
        try registry.delete(name)
        let folder = folder(of: name)
        let deckRoot = source.path.isEmpty ? folder : folder.appendingPathComponent(source.path)
        let removed = try forgetCards(under: deckRoot)
        try? FileManager.default.removeItem(at: folder)
        return removed
    }

    /// Marks removed every card read from deck files under `root`. The store is asked directly: the
    /// files are about to be deleted, and rewriting them could write through a symlink.
    private func forgetCards(under root: URL) throws -> Int {
        try store.removeCards(under: root.standardizedFileURL.path)
    }

    /// Problem files of an import as paths relative to `folder`.
    func relativeFiles(of issues: [DeckIssue], in folder: URL) -> [String] {
        let base = folder.standardizedFileURL.path + "/"
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let paths = issues.map { issue -> String in
            let url =
                issue.file.hasPrefix("/") ? URL(fileURLWithPath: issue.file) : cwd.appendingPathComponent(issue.file)
            return url.standardizedFileURL.path
        }
        return Array(Set(paths.filter { $0.hasPrefix(base) }.map { String($0.dropFirst(base.count)) })).sorted()
    }

    /// `team-decks` from `git@host:org/team-decks.git`.
    static func defaultSourceName(_ url: String) -> String {
        var last = url.split(whereSeparator: { $0 == "/" || $0 == ":" }).last.map(String.init) ?? url
        if last.hasSuffix(".git") { last.removeLast(4) }
        let slug = Identifier.slug(last)
        return slug.isEmpty ? "source" : slug
    }

    static func cleanSubpath(_ path: String) throws -> String {
        let parts = path.split(separator: "/").filter { $0 != "." }
        if path.hasPrefix("/") || parts.contains("..") { throw SyncError.badSourcePath(path) }
        return parts.joined(separator: "/")
    }

    /// Plain local paths are stored absolute, so that later syncs work from any folder.
    /// The folder a source URL names on this machine (a path or a file:// URL); nil for a remote.
    static func localPath(_ url: String) -> String? {
        if url.hasPrefix("file://") { return URL(string: url)?.path }
        if url.hasPrefix("/") || url.hasPrefix("./") || url.hasPrefix("../") { return url }
        return nil
    }

    static func absoluteIfLocal(_ url: String) -> String {
        if url.contains("://") || url.hasPrefix("/") { return url }
        let local = URL(fileURLWithPath: url).standardizedFileURL
        return FileManager.default.fileExists(atPath: local.path) ? local.path : url
    }
}
