import Foundation
import GitSync
import RecallCore
import Storage

/// A subscribed deck repository: cloned into `<home>/sources/<name>/`, decks read under `path`.
public struct DeckSource: Codable, Sendable, Equatable {
    public var name: String
    public var url: String
    /// The folder inside the repository holding the decks ("" for the whole repository).
    public var path: String
    public var branch: String
    /// The commit whose deck files the notebook has imported; nil before the first import.
    public var imported: String?
    /// Files (relative to the clone) that had errors at the last import: read again next sync.
    public var pendingFiles: [String] = []

    /// The URL with any password or token hidden, for printing.
    public var displayURL: String { RemoteURL.redacted(url) }
}

/// The notebook's sources, kept in the notebook's `deck_source` table (docs/STORAGE.md).
struct SourceRegistry {
    let notebook: Notebook

    /// Every source, by name.
    func all() throws -> [DeckSource] { try notebook.store.sources().map(DeckSource.init) }

    func find(_ name: String) throws -> DeckSource? { try all().first { $0.name == name } }

    func save(_ source: DeckSource) throws { try notebook.store.saveSource(source.record) }

    func delete(_ name: String) throws { try notebook.store.deleteSource(named: name) }
}

extension DeckSource {
    init(_ record: SourceRecord) {
        self.init(
            name: record.name, url: record.url, path: record.path, branch: record.branch, imported: record.imported,
            pendingFiles: record.pendingFiles)
    }

    var record: SourceRecord {
        SourceRecord(name: name, url: url, path: path, branch: branch, imported: imported, pendingFiles: pendingFiles)
    }
}

extension Notebook {
    var sourcesFolder: URL { environment.home.appendingPathComponent("sources") }
    func folder(of source: String) -> URL { sourcesFolder.appendingPathComponent(source) }
    var progressFolder: URL { environment.home.appendingPathComponent("progress") }
}
