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
    /// For a partial read (`DeckScanner.scanChanges`): the only files whose cards this read speaks
    /// for, deleted ones included. nil when the whole deck was read.
    public var scope: Set<String>? = nil

    /// True when no file of the deck had an error, so a card missing from it really vanished.
    public var isClean: Bool { filesWithErrors.isEmpty }
}

/// Everything an import read.
public struct ScanResult: Sendable {
    public var decks: [ScannedDeck] = []
    /// Problems that belong to no deck (unreadable path, symlink out of the folder, …).
    public var issues: [DeckIssue] = []
    /// How many ids were generated and written back into files.
    public var idsWritten = 0

    public var allIssues: [DeckIssue] { issues + decks.flatMap(\.issues) }
}
