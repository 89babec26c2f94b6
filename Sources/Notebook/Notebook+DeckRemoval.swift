import Foundation
import RecallCore
import Storage

/// What `recall deck remove` did.
public struct DeckRemoval: Sendable, Equatable {
    public var deck: String
    /// Cards marked removed (their history kept).
    public var removed: Int
    /// The deck's folder (or file), left as it was.
    public var root: String
}

extension Notebook {
    /// Takes a deck out of the notebook: its cards are marked removed with their history kept, and
    /// `decks` lists it no more. Its files are not touched, so importing them again restores the
    /// cards as they were (DECK-FORMAT.md). A deck that came from a source is refused: the source's
    /// sync owns it, and `removeSource` is the way.
    public func removeDeck(_ id: String) throws -> DeckRemoval {
        guard let deck = try decks().first(where: { $0.deck == id }) else { throw NotebookError.noSuchDeck(id) }
        if let source = try source(holding: deck.root) {
            throw NotebookError.deckFromSource(deck: id, source: source.name)
        }
        return DeckRemoval(deck: id, removed: try store.removeDeck(id), root: deck.root)
    }

    /// The source whose clone holds `path`, if any.
    private func source(holding path: String) throws -> DeckSource? {
        let path = URL(fileURLWithPath: path).standardizedFileURL.path
        return try SourceRegistry(notebook: self).all().first { source in
            let folder = folder(of: source.name).standardizedFileURL.path
            return path == folder || path.hasPrefix(folder + "/")
        }
    }
}
