import Foundation
import GRDB

/// Carries a v2 notebook's state out of `meta` (JSON and comma-separated text) and out of the
/// exercise attempts log (`attempts/log.jsonl`) into the tables of `v3-typed-state`. A value that
/// cannot be decoded stops the migration, which then changes nothing.
enum LegacyState {
    static let sourcesKey = "sync.sources"
    static let localCopiesKey = "sync.local-conflict-copies"
    static let progressKey = "sync.progress"
    static let undoneKey = "events.undone"

    /// v2's JSON shapes. `pendingFiles` came later than the rest: absent means none.
    struct Source: Decodable {
        var name: String
        var url: String
        var path: String
        var branch: String
        var imported: String?
        var pendingFiles: [String]?
    }

    struct Progress: Decodable {
        var url: String
        var branch: String
        var imported: String?
    }

    static func carryAcross(_ db: Database, attemptLog: URL?) throws {
        if let text = try value(sourcesKey, db) {
            for source in try decode([Source].self, text, place: "meta '\(sourcesKey)'") {
                try NotebookStore.insertSource(
                    SourceRecord(
                        name: source.name, url: source.url, path: source.path, branch: source.branch,
                        imported: source.imported, pendingFiles: source.pendingFiles ?? []), db)
            }
        }
        if let text = try value(localCopiesKey, db) {
            try NotebookStore.insertLocalCopies(
                try decode([String].self, text, place: "meta '\(localCopiesKey)'"), db)
        }
        if let text = try value(progressKey, db) {
            let progress = try decode(Progress.self, text, place: "meta '\(progressKey)'")
            try NotebookStore.insertProgressRemote(
                ProgressRemoteRecord(url: progress.url, branch: progress.branch, imported: progress.imported), db)
        }
        if let text = try value(undoneKey, db) {
            for part in text.split(separator: ",", omittingEmptySubsequences: true) {
                guard let seq = Int64(part.trimmingCharacters(in: .whitespaces)), seq > 0 else {
                    throw LegacyStateError(place: "meta '\(undoneKey)'", message: "'\(part)' is not an event seq")
                }
                try db.execute(
                    sql: "INSERT INTO undone_event(seq) VALUES (?) ON CONFLICT(seq) DO NOTHING", arguments: [seq])
            }
        }
        try db.execute(
            sql: "DELETE FROM meta WHERE key IN (?, ?, ?, ?)",
            arguments: [sourcesKey, localCopiesKey, progressKey, undoneKey])
        if let attemptLog { try carryAttempts(from: attemptLog, db) }
    }

    /// Reads the attempts log line by line; a missing log means no attempts.
    private static func carryAttempts(from log: URL, _ db: Database) throws {
        let data: Data
        do {
            data = try Data(contentsOf: log)
        } catch CocoaError.fileReadNoSuchFile {
            return
        } catch {
            throw LegacyStateError(place: log.path, message: "unreadable: \(error.localizedDescription)")
        }
        for (index, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated()
        where !line.allSatisfy({ $0 == 0x20 || $0 == 0x0D }) {
            let attempt = try decode(ExerciseAttempt.self, Data(line), place: "\(log.path):\(index + 1)")
            do {
                try attempt.insert(db)
            } catch let error as DatabaseError {
                throw LegacyStateError(place: "\(log.path):\(index + 1)", message: error.message ?? "\(error)")
            }
        }
    }

    private static func value(_ key: String, _ db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key])
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ text: String, place: String) throws -> T {
        try decode(type, Data(text.utf8), place: place)
    }

    private static func decode<T: Decodable>(_ type: T.Type, _ data: Data, place: String) throws -> T {
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw LegacyStateError(place: place, message: describe(error))
        }
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context),
            .valueNotFound(_, let context):
            let path = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return path.isEmpty ? context.debugDescription : "at \(path): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}

/// A v2 value the migration could not read; `NotebookStore` reports it with the notebook's path.
struct LegacyStateError: Error {
    var place: String
    var message: String
}
