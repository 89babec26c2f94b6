import Foundation
import GitSync
import RecallCore

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

/// The notebook's sources, kept as one JSON document in the notebook's settings.
struct SourceRegistry {
    static let key = "sync.sources"
    let notebook: Notebook

    func all() throws -> [DeckSource] {
        guard let text = try notebook.store.setting(Self.key) else { return [] }
        return (try? JSONDecoder().decode([DeckSource].self, from: Data(text.utf8))) ?? []
    }

    func find(_ name: String) throws -> DeckSource? { try all().first { $0.name == name } }

    func save(_ source: DeckSource) throws {
        var sources = try all().filter { $0.name != source.name }
        sources.append(source)
        try write(sources.sorted { $0.name < $1.name })
    }

    func delete(_ name: String) throws { try write(try all().filter { $0.name != name }) }

    private func write(_ sources: [DeckSource]) throws {
        let data = try JSONEncoder().encode(sources)
        try notebook.store.setSetting(Self.key, String(decoding: data, as: UTF8.self))
    }
}

extension Notebook {
    var sourcesFolder: URL { environment.home.appendingPathComponent("sources") }
    func folder(of source: String) -> URL { sourcesFolder.appendingPathComponent(source) }
    var progressFolder: URL { environment.home.appendingPathComponent("progress") }
}
