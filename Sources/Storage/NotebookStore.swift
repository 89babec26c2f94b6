import Foundation
import GRDB
import RecallCore

/// The notebook database: one SQLite file in WAL mode (or, for tests, an in-memory database),
/// owned by one `DatabaseWriter`. The only module that talks to SQLite.
public final class NotebookStore: Sendable {
    let db: any DatabaseWriter
    public let path: String
    /// This notebook's device id, made once at creation; events it logs are `<device>:<seq>`.
    public let deviceID: String

    /// Opens (and, when `create`, creates and migrates) the notebook at `path`.
    /// A notebook written by a newer Recall is refused without being modified.
    public convenience init(
        path: String, create: Bool = true, busyTimeout: TimeInterval = 3, fullSync: Bool = false
    ) throws {
        if !create && !FileManager.default.fileExists(atPath: path) {
            throw StorageError.database(path: path, message: "no notebook here; run `recall init` first")
        }
        var config = Configuration()
        // WAL is switched on below, after the version check: GRDB's own WAL set-up writes to the
        // file, and a notebook from a newer Recall must not be touched at all.
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            // WAL with synchronous=NORMAL: every commit is atomic and survives a killed process;
            // only a power cut may lose the last commits (SQLite's recommended pairing for WAL).
            // FULL adds an fsync per commit, for those who want power-cut durability.
            try db.execute(sql: fullSync ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL")
            // 64 MiB of page cache (allocated only as used): large imports stop spilling to the WAL early.
            try db.execute(sql: "PRAGMA cache_size = -65536")
        }
        let queue: DatabaseQueue
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
        } catch {
            throw Self.translate(error, path: path)
        }
        try self.init(database: queue, path: path) { queue in
            try queue.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
        }
    }

    /// A notebook in `database` (`DatabaseQueue()` gives an in-memory one, for tests), migrated;
    /// `path` names it in errors. A database written by a newer Recall is refused unmodified.
    public convenience init(database: any DatabaseWriter, path: String = ":memory:") throws {
        try self.init(database: database, path: path) { _ in }
    }

    /// Refuses a newer schema, then runs `prepare` (the file's journal mode), the migrations, and
    /// reads or makes the device id.
    private init(
        database: any DatabaseWriter, path: String, prepare: (any DatabaseWriter) throws -> Void
    ) throws {
        self.path = path
        self.db = database
        do {
            let migrator = Schema.migrator
            let superseded = try database.read { db in try migrator.hasBeenSuperseded(db) }
            if superseded {
                let known = Set(migrator.migrations)
                let applied = try database.read { db in try migrator.appliedIdentifiers(db) }
                throw StorageError.newerSchema(path: path, unknown: applied.subtracting(known).sorted())
            }
            try prepare(database)
            try migrator.migrate(database)
            self.deviceID = try database.write { db in
                if let id = try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'device'") {
                    return id
                }
                let id = Self.newDeviceID()
                try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('device', ?)", arguments: [id])
                return id
            }
        } catch let error as StorageError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Runs a write transaction, translating SQLite's errors into `StorageError`.
    func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try db.write(body)
        } catch let error as StorageError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try db.read(body)
        } catch let error as StorageError {
            throw error
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    static func translate(_ error: any Error, path: String) -> StorageError {
        guard let error = error as? DatabaseError else {
            return .database(path: path, message: "\(error)")
        }
        switch error.resultCode {
        case .SQLITE_NOTADB, .SQLITE_CORRUPT: return .notADatabase(path: path)
        case .SQLITE_BUSY, .SQLITE_LOCKED: return .busy(path: path)
        default: return .database(path: path, message: error.message ?? "\(error)")
        }
    }

    /// 12 hex digits from the system's random source: unique enough among one learner's machines.
    static func newDeviceID() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() & 0xffff_ffff_ffff
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 12 - hex.count) + hex
    }

    /// `PRAGMA integrity_check`: "ok" when the file is sound.
    public func integrityCheck() throws -> String {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check").joined(separator: "; ") }
    }

    /// A setting kept in the notebook (`meta` table).
    public func setting(_ key: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    public func setSetting(_ key: String, _ value: String) throws {
        try write { db in
            try db.execute(
                sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [key, value])
        }
    }
}
