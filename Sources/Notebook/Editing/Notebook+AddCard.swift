import DeckFormat
import Foundation
import RecallCore
import Storage

/// Where a new card's text comes from.
public enum CardInput: Sendable {
    /// The command line's question, answer and tags.
    case given(question: String, answer: String, tags: [String])
    /// Written by the learner in `editor`, on a template whose tags line holds `tags`.
    case editor(ExternalEditor, tags: [String])
}

/// What `addCard` did.
public struct CardAddition: Sendable {
    public var key: CardKey
    /// The deck file the card was appended to (absolute), and its heading's line there.
    public var file: String
    public var line: Int
    /// The import of the deck that followed.
    public var report: ImportReport
}

/// The file a new card goes to, and the ids it must not take.
struct AddTarget {
    var deck: String
    /// The deck's folder, or its single file.
    var root: URL
    var file: URL
    /// The file as the learner names it: relative to the deck's folder.
    var name: String
    /// Ids in the deck's files now, with where each is (`file:line`).
    var idsInFiles: [String: String]
    /// Ids of every card the notebook has had in the deck, removed ones included: a new card
    /// must not inherit an old one's history by chance.
    var idsKnown: Set<String>
}

extension Notebook {
    /// Appends a card to a deck's Markdown (to `file`, relative to the deck's folder; else to the
    /// deck's last file holding a card, else to `cards.md` in its folder), written atomically with
    /// its id, then imports the deck. Nil when the learner left the editor's draft empty. A draft
    /// that is not one card, or any failure after it was written, keeps the draft (named in the
    /// error); the deck file is untouched unless the card was written.
    public func addCard(to deck: String, file: String? = nil, from input: CardInput) throws -> CardAddition? {
        let target = try addTarget(deck: deck, file: file)
        switch input {
        case .given(let question, let answer, let tags):
            switch CardDraft.card(question: question, answer: answer, tags: tags) {
            case .card(let card): return try append(card, to: target)
            case .problems(let issues): throw CardEditingError.problems(issues)
            case .empty: return nil
            }
        case .editor(let editor, let tags):
            return try addFromDraft(to: target, editor: editor, tags: tags)
        }
    }

    private func addFromDraft(to target: AddTarget, editor: ExternalEditor, tags: [String]) throws -> CardAddition? {
        let template = CardDraft.template(deck: target.deck, file: target.name, tags: tags)
        let draft = try DraftFile(text: template)
        var keep = false
        defer { if !keep { draft.remove() } }
        do {
            try editor.open(draft.path, line: CardDraft.questionLine)
        } catch {
            let failure = CardEditingError.editor(error, consequence: "nothing was added")
            // Whatever was typed before the editor failed is kept.
            if let text = try? draft.read(), CardDraft.read(text, file: draft.path) != .empty {
                keep = true
                throw CardEditingError.draftKept(failure.description, path: draft.path)
            }
            throw failure
        }
        do {
            switch CardDraft.read(try draft.read(), file: draft.path) {
            case .empty: return nil
            case .problems(let issues): throw CardEditingError.problems(issues)
            case .card(let card): return try append(card, to: target)
            }
        } catch {
            keep = true
            throw CardEditingError.draftKept("\(error)", path: draft.path)
        }
    }

    /// The file `add` writes to in `deck`, checked before any card is asked for.
    func addTarget(deck: String, file: String?) throws -> AddTarget {
        guard let summary = try decks().first(where: { $0.deck == deck }) else {
            throw CardEditingError.unknownDeck(deck)
        }
        let root = URL(fileURLWithPath: summary.root)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isFolder) else {
            throw CardEditingError.deckMissing(deck: deck, root: root.path)
        }
        // The deck as its files are now: they may have changed since the last import.
        let scanner = DeckScanner(writeIDs: false)
        guard let scanned = scanner.scan([root]).decks.first else {
            throw CardEditingError.deckMissing(deck: deck, root: root.path)
        }
        guard scanned.id == deck else {
            throw CardEditingError.deckRenamed(deck: deck, root: root.path, now: scanned.id)
        }
        let target: URL
        if !isFolder.boolValue {
            if let file, file != root.lastPathComponent {
                throw CardEditingError.singleFileDeck(deck: deck, file: root.path)
            }
            target = root
        } else {
            if let file {
                target =
                    (file.hasPrefix("/") ? URL(fileURLWithPath: file) : root.appendingPathComponent(file))
                    .standardizedFileURL
            } else {
                let last = scanned.cards.last { $0.card.kind == .note }?.card.sourceFile
                target = last.map { URL(fileURLWithPath: $0) } ?? root.appendingPathComponent("cards.md")
            }
            if let why = scanner.whyNotCardFile(target, ofDeckFolder: root) {
                throw CardEditingError.badFile(path: file ?? target.path, reason: why)
            }
        }
        var idsInFiles: [String: String] = [:]
        for (card, _) in scanned.cards {
            idsInFiles[card.key.id] = "\(scanner.display(card.sourceFile)):\(card.sourceLine)"
        }
        let name =
            isFolder.boolValue ? String(target.path.dropFirst(root.path.count + 1)) : root.lastPathComponent
        return AddTarget(
            deck: deck, root: root, file: target, name: name, idsInFiles: idsInFiles,
            idsKnown: Set(try store.cards(deck: deck, includeRemoved: true).map(\.id)))
    }

    /// Writes `card` at the end of the target file (one atomic replace) and imports the deck.
    private func append(_ card: NewCard, to target: AddTarget) throws -> CardAddition {
        let id: String
        if let given = card.id {
            if let at = target.idsInFiles[given] {
                throw CardEditingError.idTaken(id: given, deck: target.deck, at: at)
            }
            id = given
        } else {
            id = GeneratedID.make(for: card.question) { target.idsInFiles[$0] != nil || target.idsKnown.contains($0) }
        }
        let exists = FileManager.default.fileExists(atPath: target.file.path)
        var data: [UInt8] = []
        if exists {
            switch DeckFile.read(target.file) {
            case .success(let bytes): data = bytes
            case .failure(let failure): throw CardEditingError.badFile(path: target.name, reason: failure.message)
            }
        }
        guard let appended = card.appended(to: data, id: id) else {
            throw CardEditingError.wouldNotReadBack(file: target.file.path)
        }
        if appended.bytes.count > DeckLimits.maxFileBytes {
            throw CardEditingError.overLimit(
                file: target.file.path,
                what:
                    "grow to \(appended.bytes.count) bytes, over the limit of \(DeckLimits.maxFileBytes) per deck file")
        }
        if appended.cards > DeckLimits.maxCardsPerFile {
            throw CardEditingError.overLimit(
                file: target.file.path,
                what: "hold \(appended.cards) cards, over the limit of \(DeckLimits.maxCardsPerFile) per deck file")
        }
        if !exists {
            try FileManager.default.createDirectory(
                at: target.file.deletingLastPathComponent(), withIntermediateDirectories: true)
        }
        try IDWriter.atomicWrite(appended.bytes, to: target.file)
        let report = try importDecks([target.root])
        let key = CardKey(deck: target.deck, id: id)
        guard let stored = try store.card(key), !stored.removed, stored.card.sourceFile == target.file.path else {
            throw CardEditingError.notImported(
                card: key.description, at: "\(target.file.path):\(appended.line)", problems: report.errors)
        }
        return CardAddition(key: key, file: target.file.path, line: appended.line, report: report)
    }
}
