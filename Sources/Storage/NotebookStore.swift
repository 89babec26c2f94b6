import Foundation
import GRDB
import RecallCore

/// The notebook database: one SQLite file in WAL mode (or, for tests, an in-memory database),
/// owned by one `DatabaseWriter`. The only module that talks to SQLite.
public final class NotebookStore: Sendable {
    let db: any DatabaseWriter
    public let path: String
    /// Whether the file or its folder is not writable: the notebook was opened read-only, and
    /// every write fails with `StorageError.readOnly`.
    public let isReadOnly: Bool

    /// Opens (and, when `create`, creates and migrates) the notebook at `path`. Opening writes
    /// nothing unless a migration is due: the device id and the rest are made by the first write,
    /// so read-only commands work on a read-only notebook (docs/STORAGE.md). `attemptLog` is the
    /// v2 exercise attempts log, carried into the database by the v3 migration.
    /// A notebook written by a newer Recall is refused without being modified.
    public convenience init(
        path: String, create: Bool = true, busyTimeout: TimeInterval = 3, fullSync: Bool = false,
        attemptLog: URL? = nil
    ) throws {
        let exists = FileManager.default.fileExists(atPath: path)
        if !create && !exists {
            throw StorageError.database(path: path, message: "no notebook here; run `recall init` first")
        }
        let readOnly = exists && !Self.isWritable(path)
        var config = Configuration()
        // WAL is switched on below, after the version check: GRDB's own WAL set-up writes to the
        // file, and a notebook from a newer Recall must not be touched at all.
        config.busyMode = .timeout(busyTimeout)
        config.foreignKeysEnabled = true
        config.readonly = readOnly
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
            queue = try DatabaseQueue(path: readOnly ? Self.readOnlyName(path) : path, configuration: config)
        } catch {
            throw Self.translate(error, path: path)
        }
        try self.init(database: queue, path: path, readOnly: readOnly, attemptLog: attemptLog) { queue in
            try queue.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
        }
    }

    /// A notebook in `database` (`DatabaseQueue()` gives an in-memory one, for tests), migrated;
    /// `path` names it in errors. A database written by a newer Recall is refused unmodified.
    public convenience init(database: any DatabaseWriter, path: String = ":memory:") throws {
        try self.init(database: database, path: path, readOnly: false, attemptLog: nil) { _ in }
    }

    /// Refuses a newer schema; when a migration is due (and the notebook is writable), runs
    /// `prepare` (the file's journal mode) and the migrations. Otherwise it only reads.
    private init(
        database: any DatabaseWriter, path: String, readOnly: Bool, attemptLog: URL?,
        prepare: (any DatabaseWriter) throws -> Void
    ) throws {
        self.path = path
        self.db = database
        self.isReadOnly = readOnly
        do {
            let migrator = Schema.migrator(attemptLog: attemptLog)
            let (superseded, complete, applied) = try database.read { db in
                (
                    try migrator.hasBeenSuperseded(db), try migrator.hasCompletedMigrations(db),
                    try migrator.appliedIdentifiers(db)
                )
            }
            if superseded {
                let known = Set(migrator.migrations)
                throw StorageError.newerSchema(path: path, unknown: applied.subtracting(known).sorted())
            }
            if !complete {
                if readOnly {
                    throw StorageError.readOnlyNeedsUpgrade(
                        path: path, steps: migrator.migrations.filter { !applied.contains($0) })
                }
                try prepare(database)
                try migrator.migrate(database)
            }
        } catch let error as StorageError {
            throw error
        } catch let error as LegacyStateError {
            throw StorageError.unreadableState(path: path, place: error.place, message: error.message)
        } catch {
            throw Self.translate(error, path: path)
        }
    }

    /// Whether this process may write the notebook file and create files beside it (the WAL).
    static func isWritable(_ path: String) -> Bool {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        return access(path, W_OK) == 0 && access(folder, W_OK) == 0
    }

    /// How a read-only notebook is opened. SQLite reads a WAL database through its `-shm` index,
    /// which it cannot create in a read-only folder. When a `-wal` file exists (another process
    /// has the notebook open, or one was killed), its `-shm` exists too and a plain read-only open
    /// reads both. Otherwise every commit is in the main file, and `immutable=1` reads it without
    /// the index or any lock.
    static func readOnlyName(_ path: String) -> String {
        if FileManager.default.fileExists(atPath: path + "-wal") { return path }
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        let escaped = path.addingPercentEncoding(withAllowedCharacters: allowed) ?? path
        return "file:\(escaped)?immutable=1"
    }

    /// This notebook's device id, made by the first write that needs it; the events it logs are
    /// `<device>:<seq>`.
    public func deviceID() throws -> String {
        try write { db in try Self.deviceID(db) }
    }

    /// The device id when one was made already (nil for a notebook that never logged a grade).
    public func existingDeviceID() throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = 'device'") }
    }

    /// The device id, made now when missing; inside a write transaction.
    static func deviceID(_ db: Database) throws -> String {
        if let id = try String.fetchOne(db.cachedStatement(sql: "SELECT value FROM meta WHERE key = 'device'")) {
            return id
        }
        let id = newDeviceID()
        try db.execute(sql: "INSERT INTO meta(key, value) VALUES ('device', ?)", arguments: [id])
        return id
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
        case .SQLITE_READONLY: return .readOnly(path: path)
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
