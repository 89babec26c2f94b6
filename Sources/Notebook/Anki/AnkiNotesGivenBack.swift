import AnkiPackage
import Foundation
import RecallCore
import Storage

/// The Anki notes an export gives back as they came (docs/ANKI.md, "Notes given back"): those kept
/// in an imported deck's `anki-notes.json` whose Recall cards are all there and still read as the
/// import wrote them, or were edited where the edit can be written back into the note's fields.
/// Any other card is exported as a note of Recall's own type.
struct AnkiNotesGivenBack {
    struct Given {
        var type: AnkiNoteType
        /// Fields as the deck folder refers to media (`media/x.png`), rewritten when exported.
        var note: AnkiNote
        /// Recall card id → the ordinal of its Anki card.
        var ordinals: [String: Int]
    }

    private(set) var notes: [Given] = []
    private(set) var types: [AnkiNoteType] = []
    /// Card → index in `notes`.
    private(set) var noteOf: [CardKey: Int] = [:]
    private var guids = Set<String>()

    /// Adds the notes of `origins`, of deck `deck`, whose cards (by id, from `cards`: the deck's
    /// exported cards) allow it.
    mutating func add(_ origins: AnkiNoteOrigins, deck: String, cards: [String: StoredCard]) {
        let types = Dictionary(origins.noteTypes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for origin in origins.notes {
            guard let type = types[origin.noteType], !guids.contains(origin.guid),
                // Another deck's note type of the same id must be the same note type.
                self.types.allSatisfy({ $0.id != type.id || $0 == type }),
                let given = Self.given(origin, type: type, cards: cards)
            else { continue }
            guids.insert(origin.guid)
            if !self.types.contains(where: { $0.id == type.id }) { self.types.append(type) }
            for id in origin.cards.keys { noteOf[CardKey(deck: deck, id: id)] = notes.count }
            notes.append(given)
        }
    }

    /// The note to export for `origin`, or nil when its cards must be exported as Recall notes.
    static func given(_ origin: AnkiNoteOrigins.Note, type: AnkiNoteType, cards: [String: StoredCard]) -> Given? {
        guard let plan = AnkiNoteConverter.plan(for: type) else { return nil }
        var note = AnkiNote(
            id: AnkiMapping.stableID("anki-note:" + origin.guid), guid: origin.guid, noteTypeID: type.id,
            modified: origin.mod, tags: origin.tags, fields: origin.fields)
        let made = Dictionary(
            AnkiNoteConverter.convert(note, plan: plan, ordinals: Set(origin.cards.values)).map { ($0.ordinal, $0) },
            uniquingKeysWith: { a, _ in a })
        let importedTags = origin.tags.flatMap { $0.lowercased().split(separator: ",").map(String.init) }
            .filter { !$0.isEmpty }
        var edited: [(card: Card, ordinal: Int, changed: Int64?)] = []
        for (id, ordinal) in origin.cards.sorted(by: { $0.value < $1.value }) {
            guard let stored = cards[id], stored.card.kind == .note, let imported = made[ordinal] else { return nil }
            let card = stored.card
            let same =
                card.front == AnkiNoteConverter.oneLine(imported.front) && trimmed(card.back) == trimmed(imported.back)
                && Set(card.tags.filter { $0 != "leech" }) == Set(importedTags)
            if !same { edited.append((card, ordinal, stored.textChanged)) }
        }
        guard !edited.isEmpty else { return Given(type: type, note: note, ordinals: origin.cards) }
        // An edit goes back into the note's fields when each edited card shows one field as its
        // question and one as its answer, and no two edits disagree on a field.
        guard case .templates(let templates) = plan else { return nil }
        var fields = note.fields
        var written: [Int: String] = [:]
        for edit in edited {
            guard edit.ordinal < templates.count, let sides = templates[edit.ordinal], sides.front.count == 1,
                sides.back.count == 1
            else { return nil }
            for (field, markdown) in [(sides.front[0], edit.card.front), (sides.back[0], edit.card.back)] {
                let html = AnkiHTML.html(fromMarkdown: markdown)
                if let other = written.updateValue(html, forKey: field), other != html { return nil }
                fields[field] = html
            }
        }
        note.fields = fields
        let tags = edited[0].card.tags.filter { $0 != "leech" }
        if Set(tags) != Set(importedTags) { note.tags = tags.map { $0.replacingOccurrences(of: " ", with: "_") } }
        // Anki replaces the note it holds only with a newer one: the edit's time, and in any case
        // later than the note's own (a clock behind Anki's must not lose the edit).
        let changed = edited.compactMap(\.changed).max().map { $0 / 1000 } ?? AnkiMapping.unknownChangeMillis / 1000
        note.modified = max(changed, origin.mod + 1)
        return Given(type: type, note: note, ordinals: origin.cards)
    }

    private static func trimmed(_ text: String) -> String {
        var text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        // The deck file escapes a leading `tags:` (AnkiImportPlan.cardFiles).
        if text.hasPrefix("tags\\:") { text.remove(at: text.index(text.startIndex, offsetBy: 4)) }
        return text
    }
}
