import DeckFormat
import Foundation
import GitSync
import RecallCore

/// A card changed differently on two sides: the card keeps one version, its copy the other.
public struct CardConflict: Sendable, Equatable {
    /// The card (`deck/id`): holds the version that was local when the merge happened ("ours").
    public var card: CardKey
    /// The conflict copy (`deck/id--conflict-…`): the other side's version ("theirs").
    public var copy: CardKey
    public var file: String
    public var line: Int
    /// Whether this notebook's own version is the copy: true when the merge was made on another
    /// machine and arrived here, where the card now shows the other machine's version.
    public var copyIsOurs: Bool
}

extension Notebook {
    /// Every unresolved conflict: cards that have a conflict copy in their deck.
    public func conflicts() throws -> [CardConflict] {
        let local = try localCopies()
        return try store.cards(idContaining: CardMerge.conflictMarker).compactMap { key -> CardConflict? in
            guard let original = CardMerge.original(ofCopy: key.id), let stored = try store.card(key) else {
                return nil
            }
            return CardConflict(
                card: CardKey(deck: key.deck, id: original), copy: key, file: stored.card.sourceFile,
                line: stored.card.sourceLine, copyIsOurs: local.contains(key.id))
        }.sorted { ($0.card, $0.copy) < ($1.card, $1.copy) }
    }

    /// Resolves the conflict on `card` (or on the copy named): keeps this notebook's version, or with
    /// `keepTheirs` the other machine's (whichever of card and copy holds it); the copy goes. The file is rewritten
    /// atomically, committed in its source (the next sync pushes it) and imported.
    @discardableResult
    public func resolveConflict(_ card: CardKey, keepTheirs: Bool) throws -> CardConflict {
        let all = try conflicts()
        let matching = all.filter { $0.card == card || $0.copy == card }
        guard let conflict = matching.first else { throw SyncError.noConflict(card.description) }
        if matching.count > 1 && keepTheirs {
            throw SyncError.severalConflictCopies(card: card.description, copies: matching.map(\.copy.description))
        }
        let lock = try SyncLock(home: environment.home)
        defer { withExtendedLifetime(lock) {} }
        let file = URL(fileURLWithPath: conflict.file)
        let text = try String(contentsOf: file, encoding: .utf8)
        guard
            let resolved = CardMerge.resolve(
                text, id: conflict.card.id, copy: conflict.copy.id, keepTheirs: keepTheirs != conflict.copyIsOurs)
        else { throw SyncError.noConflict(card.description) }
        try IDWriter.atomicWrite(Array(resolved.utf8), to: file)
        let source = try SourceRegistry(notebook: self).all().first {
            file.path.hasPrefix(folder(of: $0.name).path + "/")
        }
        let root = source.map {
            $0.path.isEmpty ? folder(of: $0.name) : folder(of: $0.name).appendingPathComponent($0.path)
        }
        _ = try importChanges([file], within: root ?? file.deletingLastPathComponent())
        try store.removeLocalConflictCopy(conflict.copy.id)
        if let source {
            let repo = try GitRepository.open(at: folder(of: source.name))
            try repo.commitAll(
                message: "recall: resolve the conflict on \(conflict.card) (kept \(keepTheirs ? "theirs" : "ours"))")
        }
        return conflict
    }

    /// Ids of conflict copies that hold this notebook's version (see `copyIsOurs`).
    func localCopies() throws -> Set<String> { try store.localConflictCopies() }
}
