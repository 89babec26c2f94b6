import AnkiPackage
import DeckFormat
import Foundation
import RecallCore

/// The Anki notes an imported deck was made from, kept beside its cards (`anki-notes.json` in the
/// deck's folder) so that an export can give each note back to Anki as it was: its guid, note
/// type, fields, tags and time of change, and which Recall card is which of its Anki cards
/// (docs/ANKI.md, "Notes given back"). The deck scanner reads only `*.md` and exercise folders,
/// so the file is never taken for cards. It travels with the deck folder: read as hostile input.
struct AnkiNoteOrigins: Codable, Equatable {
    static let fileName = "anki-notes.json"
    /// The largest file read (docs/LIMITS.md): the fields of 128 notes at Anki's 512 KiB limit, or
    /// of tens of thousands of ordinary notes.
    static let maxBytes = 64 << 20

    struct Note: Codable, Equatable {
        var guid: String
        var noteType: Int64
        /// Each field's HTML as Anki held it, with media references pointing into the deck folder
        /// (`media/x.png`), as the cards' Markdown does.
        var fields: [String]
        /// As Anki wrote them (case and `::` kept).
        var tags: [String]
        /// Anki's `mod`: seconds since the epoch.
        var mod: Int64
        /// Recall card id → the ordinal of the Anki card it stands for.
        var cards: [String: Int]
    }

    var version = 1
    var noteTypes: [AnkiNoteType] = []
    var notes: [Note] = []

    /// A cloze note's cards are numbered by cloze (c1 … c500 in Anki).
    static let maxClozeOrdinal = 500

    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }

    /// The origins kept in `folder`; nil when it has none. A file that is too large, not JSON of
    /// this shape, or inconsistent is an error naming it.
    static func read(folder: URL) throws -> AnkiNoteOrigins? {
        let url = folder.appendingPathComponent(fileName)
        // Not following a symlink: one that leads nowhere is still reported, by DeckFile.read.
        guard (try? FileManager.default.attributesOfItem(atPath: url.path)) != nil else { return nil }
        func fail(_ reason: String) -> AnkiTransferError { .badNoteOrigins(path: url.path, reason: reason) }
        let bytes: [UInt8]
        switch DeckFile.read(url, maxBytes: maxBytes) {
        case .success(let read): bytes = read
        case .failure(let failure): throw fail(failure.message)
        }
        let origins: AnkiNoteOrigins
        do {
            origins = try JSONDecoder().decode(AnkiNoteOrigins.self, from: Data(bytes))
        } catch let DecodingError.dataCorrupted(context) where context.codingPath.isEmpty {
            throw fail("not valid JSON (\(context.debugDescription))")
        } catch let DecodingError.dataCorrupted(context) {
            throw fail("\(Self.where(context))is wrong: \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, context) {
            throw fail("\(Self.where(context))lacks '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context) {
            throw fail("\(Self.where(context))has a value of the wrong type")
        } catch let DecodingError.valueNotFound(_, context) {
            throw fail("\(Self.where(context))has null where a value is expected")
        } catch {
            throw fail("cannot be decoded (\(error))")
        }
        if let problem = origins.problem { throw fail(problem) }
        return origins
    }

    private static func `where`(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return path.isEmpty ? "" : "at \(path) "
    }

    /// What makes the origins unusable, or nil: a version this Recall does not know, a note type
    /// twice, a note of an unknown type or with another number of fields, a guid or a card twice,
    /// an ordinal the note type has no card for.
    var problem: String? {
        guard version == 1 else { return "version \(version) is not one this Recall reads (1)" }
        var types: [Int64: AnkiNoteType] = [:]
        for type in noteTypes {
            guard types.updateValue(type, forKey: type.id) == nil else { return "note type \(type.id) is listed twice" }
            guard !type.fields.isEmpty, !type.templates.isEmpty else {
                return "note type \(type.id) has no fields or no templates"
            }
            guard type.id != AnkiMapping.noteTypeID else { return "note type \(type.id) is Recall's own" }
        }
        var guids = Set<String>()
        var cards = Set<String>()
        for (index, note) in notes.enumerated() {
            let name = "note \(index + 1) (guid '\(note.guid)')"
            guard let type = types[note.noteType] else { return "\(name) has note type \(note.noteType), not listed" }
            guard guids.insert(note.guid).inserted, !note.guid.isEmpty else {
                return "\(name): the guid is empty or listed twice"
            }
            guard note.fields.count == type.fields.count else {
                return "\(name) has \(note.fields.count) fields; its note type has \(type.fields.count)"
            }
            guard !note.cards.isEmpty else { return "\(name) names no card" }
            let limit = type.kind == .cloze ? Self.maxClozeOrdinal : type.templates.count
            for (card, ordinal) in note.cards {
                guard Identifier.isValid(card), cards.insert(card).inserted else {
                    return "\(name): card '\(card)' is not a valid card id, or listed twice"
                }
                guard (0..<limit).contains(ordinal) else {
                    return "\(name): card '\(card)' has ordinal \(ordinal), outside 0..<\(limit)"
                }
            }
            guard Set(note.cards.values).count == note.cards.count else { return "\(name) names an ordinal twice" }
        }
        return nil
    }
}
