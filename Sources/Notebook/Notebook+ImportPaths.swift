import Foundation
import Storage

/// What `recall import PATH…` did: the Anki packages among the paths, then the Markdown decks.
public struct PathsImport: Sendable {
    public var packages: [AnkiImportReport]
    /// Nil when every path was an Anki package.
    public var decks: ImportReport?

    /// Cards added, updated, … over the packages and the decks.
    public var counts: ImportCounts {
        var total = decks?.counts ?? ImportCounts()
        for package in packages { total += package.counts }
        return total
    }
}

extension Notebook {
    /// Anki packages are told apart by their extension: `.apkg` or `.colpkg`.
    static func isAnkiPackage(_ url: URL) -> Bool {
        ["apkg", "colpkg"].contains(url.pathExtension.lowercased())
    }

    /// Imports Anki packages first, each read and checked whole before anything of it is written,
    /// then the other paths as Markdown decks (files or folders). A path that does not exist
    /// refuses the whole import before anything is read or written: a typo among several paths
    /// must not leave half of what was asked done.
    public func importPaths(_ urls: [URL], progress: (@Sendable (ImportProgress) -> Void)? = nil) throws
        -> PathsImport
    {
        let missing = urls.filter { !FileManager.default.fileExists(atPath: $0.path) }
        if !missing.isEmpty { throw NotebookError.noSuchPaths(missing.map(\.relativePath)) }
        let packages = try urls.filter(Self.isAnkiPackage).map { try importAnki($0) }
        let deckPaths = urls.filter { !Self.isAnkiPackage($0) }
        return PathsImport(
            packages: packages, decks: deckPaths.isEmpty ? nil : try importDecks(deckPaths, progress: progress))
    }
}
