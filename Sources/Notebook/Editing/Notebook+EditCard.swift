import DeckFormat
import Foundation
import RecallCore
import Storage

/// What `editCard` did.
public struct CardEditing: Sendable {
    public var key: CardKey
    /// The card's file (absolute) and its line there after the edit (before it, if the card is gone).
    public var file: String
    public var line: Int
    /// The question, answer or tags changed.
    public var changed: Bool
    /// The card is no longer in its deck (deleted, or its id changed): marked removed, history kept.
    public var removed: Bool
    /// The import of the deck that followed; its errors are `file:line` problems of the edit.
    public var report: ImportReport
}

extension Notebook {
    /// Opens the card's file at its line in `editor`, then imports its deck (history kept, as for
    /// any edit). When the editor fails, nothing is read and the notebook is unchanged.
    public func editCard(_ reference: CardReference, editor: ExternalEditor) throws -> CardEditing {
        let key = try resolve(reference)
        guard let before = try store.card(key) else { throw NotebookError.noSuchCard(key.description) }
        guard !before.removed else { throw CardEditingError.removedCard(key.description) }
        let file = before.card.sourceFile
        var info = stat()
        guard lstat(file, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else {
            throw CardEditingError.cardFileMissing(card: key.description, file: file)
        }
        // The whole deck is read again: ids are unique across its files.
        let root = try decks().first { $0.deck == key.deck }?.root ?? file
        do {
            try editor.open(file, line: before.card.sourceLine)
        } catch {
            throw CardEditingError.editor(error, consequence: "the card was not read again; the notebook is unchanged")
        }
        let report = try importDecks([URL(fileURLWithPath: root)])
        let after = try store.card(key)
        let live = after.flatMap { $0.removed ? nil : $0.card }
        return CardEditing(
            key: key, file: live?.sourceFile ?? file, line: live?.sourceLine ?? before.card.sourceLine,
            changed: live.map { $0.hashedFields != before.card.hashedFields } ?? false, removed: live == nil,
            report: report)
    }
}
