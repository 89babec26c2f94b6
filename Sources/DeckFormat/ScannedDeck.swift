import Foundation
import RecallCore

/// One deck as read from disk: its metadata and cards, with the problems found.
public struct ScannedDeck: Sendable {
    public var id: String
    public var title: String
    public var newPerDay: Int?
    /// The deck's folder (with `deck.yaml`) or its single file; absolute.
    public var root: String
    /// Cards in deck order (file path, then line), with their content hashes.
    public var cards: [(card: Card, hash: String)]
    /// Absolute paths of every file read for this deck.
    public var files: [String]
    /// Absolute paths of files that had at least one error: none of their cards may be marked
    /// removed because of it.
    public var filesWithErrors: Set<String>
    public var issues: [DeckIssue]

    /// True when no file of the deck had an error, so a card missing from it really vanished.
    public var isClean: Bool { filesWithErrors.isEmpty }

    /// True when the file that names the deck (`deck.yaml`, or a single-file deck's own file, read
    /// first) was read without error, so `id` is the one its author gave, not a fallback.
    public var idIsDeclared: Bool { files.first.map { !filesWithErrors.contains($0) } ?? false }
}

/// Everything an import read.
public struct ScanResult: Sendable {
    public var decks: [ScannedDeck] = []
    /// Problems that belong to no deck (unreadable path, symlink out of the folder, …).
    public var issues: [DeckIssue] = []
    /// How many ids were generated and written back into files.
    public var idsWritten = 0
    /// Files named to `DeckScanner.scanChanges` that are gone and belong to no deck any more
    /// (a deleted single-file deck or deck folder): their cards are to be marked removed.
    public var vanishedFiles: [String] = []

    public var allIssues: [DeckIssue] { issues + decks.flatMap(\.issues) }
}
