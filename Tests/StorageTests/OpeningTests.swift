import Foundation
import GRDB
import RecallCore
import RecallTestSupport
import Storage
import Testing

@Suite("Opening a notebook")
struct OpeningTests {
    @Test("a new file is created in WAL mode, migrated, with a device id kept across openings")
    func createAndReopen() throws {
        let home = try TemporaryFolder("recall-storage")
        defer { home.remove() }
        let path = home.url.appendingPathComponent("notebook.sqlite").path
        let store = try NotebookStore(path: path)
        #expect(store.path == path)
        let device = try store.deviceID()
        #expect(device.count == 12 && device.allSatisfy(\.isHexDigit))
        let mode = try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(mode == "wal")
        #expect(try NotebookStore(path: path, create: false).deviceID() == device)
    }

    @Test("without create, a missing file is an error that says to run init, and nothing is made")
    func missingFile() throws {
        let home = try TemporaryFolder("recall-storage")
        defer { home.remove() }
        let path = home.url.appendingPathComponent("notebook.sqlite").path
        #expect(throws: StorageError.database(path: path, message: "no notebook here; run `recall init` first")) {
            try NotebookStore(path: path, create: false)
        }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test("a file that is not SQLite is reported as such and left alone")
    func notADatabase() throws {
        let home = try TemporaryFolder("recall-storage")
        defer { home.remove() }
        let text = String(repeating: "not a database\n", count: 100)
        let file = try home.write("notebook.sqlite", text)
        #expect(throws: StorageError.notADatabase(path: file.path)) { try NotebookStore(path: file.path) }
        #expect(try home.read("notebook.sqlite") == text)
    }

    @Test("a notebook from a newer Recall is refused, naming the unknown steps, and not modified")
    func newerSchema() throws {
        let home = try TemporaryFolder("recall-storage")
        defer { home.remove() }
        let path = home.url.appendingPathComponent("notebook.sqlite").path
        _ = try NotebookStore(path: path)
        do {  // a later Recall's step, and the file back out of WAL so that a WAL file would show a write
            let queue = try DatabaseQueue(path: path)
            try queue.write { db in
                try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99-future')")
            }
            try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = DELETE") }
        }
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StorageError.newerSchema(path: path, unknown: ["v99-future"])) {
            try NotebookStore(path: path)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test("a newer schema is refused on any database, an in-memory one too")
    func newerSchemaInMemory() throws {
        let queue = try DatabaseQueue()
        _ = try NotebookStore(database: queue)
        try queue.write { db in try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99-future')") }
        #expect(throws: StorageError.newerSchema(path: ":memory:", unknown: ["v99-future"])) {
            try NotebookStore(database: queue)
        }
    }

    @Test("a write lock held by another connection is waited for, then reported as busy")
    func busy() throws {
        let home = try TemporaryFolder("recall-storage")
        defer { home.remove() }
        let path = home.url.appendingPathComponent("notebook.sqlite").path
        let store = try NotebookStore(path: path, busyTimeout: 0.2)
        let other = try DatabaseQueue(path: path)
        try other.inDatabase { db in
            try db.execute(sql: "BEGIN IMMEDIATE")
            #expect(throws: StorageError.busy(path: path)) { try store.setSetting("k", "v") }
            try db.execute(sql: "ROLLBACK")
        }
        try store.setSetting("k", "v")
        #expect(try store.setting("k") == "v")
    }

    @Test("an in-memory notebook is migrated and sound; settings are kept and replaced")
    func inMemoryAndSettings() throws {
        let store = try NotebookStore(database: DatabaseQueue())
        #expect(try store.integrityCheck() == "ok")
        #expect(try store.setting("editor") == nil)
        try store.setSetting("editor", "vi")
        try store.setSetting("editor", "ed")
        #expect(try store.setting("editor") == "ed")
        #expect(try !store.deviceID().isEmpty)
    }

    @Test("the error descriptions say what to do")
    func errorDescriptions() {
        #expect(StorageError.busy(path: "/n").description.contains("try again"))
        #expect(StorageError.unknownCard("d/x").description.contains("recall search"))
        #expect(
            StorageError.notDue(card: "d/x", due: "2026-01-02", today: "2026-01-01").description.contains("--early"))
        #expect(StorageError.newerSchema(path: "/n", unknown: ["v9"]).description.contains("not modified"))
    }
}
