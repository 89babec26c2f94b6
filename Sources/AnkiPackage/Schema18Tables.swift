import Foundation
import GRDB

/// What schema 18 (`collection.anki21b`) keeps in tables rather than as JSON in `col`: note types
/// (`notetypes`, with `fields` and `templates`) and decks (`decks`). Their settings are protobuf
/// blobs: a note type's `config` holds its kind (field 1, 1 = cloze) and CSS (field 3), a
/// template's `config` its question (field 1) and answer (field 2) formats.
struct Schema18Tables {
    var packagePath: String

    func bad(_ reason: String) -> AnkiPackageError { .badCollection(path: packagePath, reason: reason) }

    func noteTypes(_ db: Database) throws -> [AnkiNoteType] {
        for table in ["fields", "templates"] where try !db.tableExists(table) {
            throw bad("its collection has no '\(table)' table")
        }
        var types: [AnkiNoteType] = []
        for row in try Row.fetchAll(
            db, sql: "SELECT CAST(id AS INTEGER), CAST(name AS TEXT), CAST(config AS BLOB) FROM notetypes ORDER BY id")
        {
            let id: Int64 = row[0] ?? 0
            let config = try message(row[2] as Data?, "note type \(id)")
            let fields = try Optional<String>.fetchAll(
                db, sql: "SELECT CAST(name AS TEXT) FROM fields WHERE ntid = ? ORDER BY ord", arguments: [id]
            ).map { $0 ?? "" }
            var templates: [AnkiNoteType.Template] = []
            for template in try Row.fetchAll(
                db, sql: "SELECT CAST(name AS TEXT), CAST(config AS BLOB) FROM templates WHERE ntid = ? ORDER BY ord",
                arguments: [id])
            {
                let settings = try message(template[1] as Data?, "a template of note type \(id)")
                templates.append(
                    .init(
                        name: template[0] ?? "", question: try text(settings, 1, "note type \(id)"),
                        answer: try text(settings, 2, "note type \(id)")))
            }
            let kind: AnkiNoteType.Kind = try number(config, 1, "note type \(id)") == 1 ? .cloze : .standard
            types.append(
                AnkiNoteType(
                    id: id, name: row[1] ?? "note type \(id)", kind: kind, fields: fields, templates: templates,
                    css: try text(config, 3, "note type \(id)")))
        }
        return types
    }

    /// Decks but filtered ones; a nested deck's name separates its parts with U+001F, Anki's `::`
    /// in schema 11. A deck's `kind` is a protobuf `DeckKind`, field 1 for a normal deck and 2 for a
    /// filtered one (a search, whose cards are read in their home decks).
    func decks(_ db: Database) throws -> [AnkiDeck] {
        guard try db.tableExists("decks") else { throw bad("its collection has no 'decks' table") }
        var decks: [AnkiDeck] = []
        for row in try Row.fetchAll(
            db, sql: "SELECT CAST(id AS INTEGER), CAST(name AS TEXT), CAST(kind AS BLOB) FROM decks ORDER BY id")
        {
            let id: Int64 = row[0] ?? 0
            if try message(row[2] as Data?, "deck \(id)").all(2).isEmpty {
                decks.append(
                    AnkiDeck(id: id, name: (row[1] as String? ?? "").replacingOccurrences(of: "\u{1f}", with: "::")))
            }
        }
        return decks
    }

    private func message(_ blob: Data?, _ what: String) throws -> ProtobufFields {
        do {
            return try ProtobufFields([UInt8](blob ?? Data()), maxFields: 100_000)
        } catch let error as ProtobufFields.Malformed {
            throw bad("the settings of \(what) are malformed (\(error.reason))")
        }
    }

    private func text(_ message: ProtobufFields, _ field: UInt64, _ what: String) throws -> String {
        do {
            return try message.string(field) ?? ""
        } catch let error as ProtobufFields.Malformed {
            throw bad("the settings of \(what) are malformed (\(error.reason))")
        }
    }

    private func number(_ message: ProtobufFields, _ field: UInt64, _ what: String) throws -> UInt64 {
        do {
            return try message.varint(field)
        } catch let error as ProtobufFields.Malformed {
            throw bad("the settings of \(what) are malformed (\(error.reason))")
        }
    }
}
