import Foundation
import GitSync

/// What `recall sync` did.
public struct SyncReport: Sendable {
    public var sources: [SourceSyncReport] = []
    /// nil when no progress remote is set (or only one source was synced).
    public var progress: ProgressSyncReport?
    /// Sources that could not be synced at all, with the reason.
    public var failures: [String: String] = [:]

    /// Whether anything needs the user's attention (exit status 1).
    public var needsAttention: Bool {
        !failures.isEmpty || sources.contains { !$0.conflicts.isEmpty || !$0.problems.isEmpty || $0.failure != nil }
            || progress.map { $0.failure != nil || !$0.problems.isEmpty } ?? false
    }
}

extension Notebook {
    /// Syncs every source (or only `name`) and then, when syncing everything, the progress remote.
    /// One sync runs at a time per notebook.
    public func sync(
        _ name: String? = nil, credentials: GitCredentials = .fromEnvironment(), progress: SyncProgressHandler? = nil
    ) throws -> SyncReport {
        let lock = try SyncLock(home: environment.home)
        defer { withExtendedLifetime(lock) {} }
        let registry = SourceRegistry(notebook: self)
        var sources = try registry.all()
        if let name {
            guard let source = sources.first(where: { $0.name == name }) else { throw SyncError.unknownSource(name) }
            sources = [source]
        }
        var report = SyncReport()
        for source in sources {
            do {
                report.sources.append(try syncSource(source, credentials: credentials, progress: progress))
            } catch let error as GitError {
                report.failures[source.name] = error.description
            } catch let error as SyncError {
                report.failures[source.name] = error.description
            }
        }
        if name == nil, try progressRemote() != nil {
            report.progress = try syncProgress(credentials: credentials, progress: progress)
        }
        return report
    }
}
