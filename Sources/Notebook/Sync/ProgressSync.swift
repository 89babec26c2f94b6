import Foundation
import GitSync
import RecallCore
import Storage

/// The progress remote: where this notebook's review events are exchanged with other devices.
public struct ProgressRemote: Codable, Sendable, Equatable {
    public var url: String
    public var branch: String
    /// The commit whose event files have been imported; nil before the first import.
    public var imported: String?

    /// The URL with any password or token hidden, for printing.
    public var displayURL: String { RemoteURL.redacted(url) }
}

/// What exchanging review events did (`recall sync --json`, `progress`).
public struct ProgressSyncReport: Sendable, Equatable {
    /// Local events written to this device's file in this sync.
    public var sent = 0
    /// Other devices' events new to this notebook.
    public var received = 0
    /// Sent grades that were undone here afterwards, retracted from the other devices.
    public var retracted = 0
    public var pushed = 0
    /// Unreadable lines in other devices' files (`file:line: message`).
    public var problems: [String] = []
    public var failure: String?
}

extension Notebook {
    public func progressRemote() throws -> ProgressRemote? {
        try store.progressRemote().map { ProgressRemote(url: $0.url, branch: $0.branch, imported: $0.imported) }
    }

    private func saveProgressRemote(_ remote: ProgressRemote) throws {
        try store.setProgressRemote(
            ProgressRemoteRecord(url: remote.url, branch: remote.branch, imported: remote.imported))
    }

    /// Sets (or changes) the private remote that carries review events, cloning it into
    /// `<home>/progress/`. An empty remote is fine: the first sync creates its branch.
    @discardableResult
    public func setProgressRemote(
        _ url: String, credentials: GitCredentials = .fromEnvironment(), progress: SyncProgressHandler? = nil
    ) throws -> ProgressRemote {
        try RemoteURL.validate(url)
        let url = Self.absoluteIfLocal(url)
        let lock = try SyncLock(home: environment.home)
        defer { withExtendedLifetime(lock) {} }
        let folder = progressFolder
        let repo: GitRepository
        if FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git").path) {
            repo = try GitRepository.open(at: folder)
            try repo.setRemote(url: url)
        } else {
            try? FileManager.default.removeItem(at: folder)
            repo = try GitRepository.clone(
                from: url, to: folder, credentials: credentials, progress: progress.map { p in { p("progress", $0) } })
        }
        let remote = ProgressRemote(
            url: url, branch: try repo.requireBranch(), imported: try progressRemote()?.imported)
        try saveProgressRemote(remote)
        return remote
    }

    /// Exchanges review events: appends this device's new events to its own file, commits,
    /// fetches and merges (no conflicts: each device writes only its own file), pushes (retrying
    /// when someone pushed first), and imports the other devices' events it has not seen.
    func syncProgress(credentials: GitCredentials, progress: SyncProgressHandler?) throws -> ProgressSyncReport {
        guard var remote = try progressRemote() else { throw SyncError.noProgressRemote }
        var report = ProgressSyncReport()
        let repo = try GitRepository.open(at: progressFolder)
        repo.removeStaleLocks()
        try repo.finishInterruptedMove()
        let branch = try repo.requireBranch()
        let device = try store.deviceID()
        let ownFile = ProgressLog.fileName(device: device)

        // 1. This device's new events, appended to its own file; then the events of devices known
        //    only here (an imported Anki history), in files of their own, so they travel too.
        try appendEvents(of: device, retractingUndone: true, report: &report)
        for other in try store.devices() where other != device {
            try appendEvents(of: other, retractingUndone: false, report: &report)
        }
        FailPoint.hit("progress.after-export")
        if !(try repo.status().isEmpty) {
            try repo.commitAll(message: "recall: \(report.sent) review event(s) from device \(device)")
        }

        let exchange = try RemoteExchange.run(
            repo, branch: branch, credentials: credentials, progress: progress.map { p in { p("progress", $0) } }
        ) { tip in
            if let tip {
                switch try repo.headCommit() == nil ? .fastForward : repo.analyseMerge(with: tip) {
                case .upToDate: break
                case .fastForward: try repo.fastForward(to: tip)
                case .normal:
                    _ = try repo.merge(theirs: tip, message: "recall: merge review events") { _, _, ours, theirs in
                        MergeResolution(contents: ProgressLog.unionMerge(ours: ours, theirs: theirs))
                    }
                }
            }
            FailPoint.hit("progress.after-merge")
            try importProgress(repo, remote: &remote, ownFile: ownFile, report: &report)
        }
        report.pushed = exchange.pushed
        report.failure = exchange.failure
        return report
    }

    /// Appends `device`'s events that its file in the progress clone lacks (and, for this device,
    /// retractions of grades undone after they were sent). A device met through progress sync has
    /// them all already; one known only from an import gets its file here.
    private func appendEvents(of device: String, retractingUndone: Bool, report: inout ProgressSyncReport) throws {
        let url = progressFolder.appendingPathComponent(ProgressLog.fileName(device: device))
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let existed = FileManager.default.fileExists(atPath: url.path)
        let exported = existed ? try ProgressLog.lastSeq(in: url) : 0
        // A seq already in this device's own file is taken, even if this notebook lost it (a restored copy).
        if retractingUndone { try store.reserveSeqs(through: exported) }
        // Grades and study actions share the device's seqs: written in seq order, one log.
        let grades = try store.events(ofDevice: device, after: exported).map {
            (seq: $0.seq, line: ProgressLog.encode($0))
        }
        let actions = try store.actions(ofDevice: device, after: exported).map {
            (seq: $0.seq, line: ProgressLog.encode($0))
        }
        let fresh = (grades + actions).sorted { $0.seq < $1.seq }
        // Grades undone after they were sent are retracted, so the other devices drop them too.
        let undone = retractingUndone ? try store.undoneEvents() : []
        let retractions = undone.filter { $0 <= exported }
        if !fresh.isEmpty || !retractions.isEmpty || (retractingUndone && !existed) {
            if !existed { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
            let lines =
                fresh.map { $0.line + "\n" }
                + retractions.map { ProgressLog.encodeRetraction(device: device, seq: $0) + "\n" }
            let handle = try FileHandle(forWritingTo: url)
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(lines.joined().utf8))
            try handle.synchronize()
            try handle.close()
            report.sent += fresh.count
            report.retracted += retractions.count
        }
        if let last = undone.max() { try store.forgetUndone(upTo: last) }
    }

    /// Reads the other devices' files that changed since the last import and adds their events
    /// (idempotent by event id), refolding the cards they touch.
    private func importProgress(
        _ repo: GitRepository, remote: inout ProgressRemote, ownFile: String, report: inout ProgressSyncReport
    ) throws {
        guard let head = try repo.headCommit(), let folder = repo.workingDirectory else { return }
        let from = remote.imported.flatMap { ObjectID(hex: $0) }.flatMap { repo.contains($0) ? $0 : nil }
        guard from != head else { return }
        let files = try repo.diff(from: from, to: head).map(\.path).filter {
            $0.hasPrefix("events/") && $0.hasSuffix(".jsonl") && $0 != ownFile
        }
        var incoming: [ReviewEvent] = []
        var actions: [CardAction] = []
        var retracted = Set<String>()
        var refused = false
        for file in files {
            // A file deleted in this diff has nothing to read.
            var info = stat()
            if lstat(folder.appendingPathComponent(file).path, &info) != 0 && errno == ENOENT { continue }
            let data: Data
            switch ProgressLog.read(file, in: folder) {
            case .success(let bytes): data = bytes
            case .failure(let problem):
                // Reported on every sync until it is fixed: the imported mark stays where it was.
                report.problems.append(problem.description)
                refused = true
                continue
            }
            let decoded = ProgressLog.decode(data, file: file)
            incoming += decoded.events
            actions += decoded.actions
            retracted.formUnion(decoded.retracted)
            report.problems += decoded.problems
        }
        if !incoming.isEmpty || !actions.isEmpty || !retracted.isEmpty {
            report.received += try store.merge(incoming, actions: actions, retracted: retracted)
        }
        if refused { return }
        remote.imported = head.hex
        try saveProgressRemote(remote)
    }
}
