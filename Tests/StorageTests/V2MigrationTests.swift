import Foundation
import GRDB
import RecallTestSupport
import Storage
import Testing

/// Migration `v3-typed-state` on a notebook made by a v2 Recall (Tests/Fixtures/v2-notebook, made
/// by Tests/Fixtures/make-v2-notebook.sh): its state leaves `meta` and the attempts log for tables.
@Suite struct V2MigrationTests {
    let folder: TemporaryFolder
    var database: String { folder.url.appendingPathComponent("notebook.sqlite").path }
    var attemptLog: URL { folder.url.appendingPathComponent("attempts/log.jsonl") }

    /// A copy of the fixture, so that the migration never touches the committed file.
    init() throws {
        folder = try TemporaryFolder("recall-v2")
        let fixture = RecallProcess.repositoryRoot.appendingPathComponent("Tests/Fixtures/v2-notebook")
        for item in try FileManager.default.contentsOfDirectory(atPath: fixture.path) {
            try FileManager.default.copyItem(
                at: fixture.appendingPathComponent(item), to: folder.url.appendingPathComponent(item))
        }
    }

    func open() throws -> NotebookStore { try NotebookStore(path: database, create: false, attemptLog: attemptLog) }

    func metaKeys() throws -> [String] {
        try DatabaseQueue(path: database).read { db in try String.fetchAll(db, sql: "SELECT key FROM meta ORDER BY key")
        }
    }

    @Test("sources, conflict copies, progress remote, undone events and attempts come across intact")
    func carriedAcross() throws {
        defer { folder.remove() }
        let store = try open()
        let sources = try store.sources()
        #expect(sources.map(\.name) == ["solo", "team"])
        #expect(sources.map(\.path) == ["", "decks"])
        #expect(sources.map(\.branch) == ["main", "main"])
        #expect(
            sources.allSatisfy { $0.url.hasPrefix("file:///") && $0.imported?.count == 40 && $0.pendingFiles.isEmpty })
        #expect(sources.first?.url.hasSuffix("/solo.git") == true)
        #expect(try store.localConflictCopies() == ["x--conflict-1bafb7f9"])
        let progress = try #require(try store.progressRemote())
        #expect(progress.url.hasSuffix("/progress.git") && progress.branch == "main")
        #expect(progress.imported == "57dfc6973487f3ff3761580c5b4f65ab50f74eac")
        #expect(try store.undoneEvents() == [2])
        #expect(try store.existingDeviceID() == "7fcc99c73f12")
        let attempts = try store.attempts(card: "ex/two-sum")
        #expect(attempts.map(\.verdict) == ["Wrong Answer", "Accepted"])
        #expect(attempts.map(\.passed) == [0, 9] && attempts.allSatisfy { $0.total == 9 && $0.language == "python" })
        #expect(attempts.allSatisfy { $0.day == "2026-11-23" && $0.time == "2026-11-23T10:00:00Z" })
        // The review history and the cards are untouched.
        #expect(try store.devices() == ["7fcc99c73f12"])
        #expect(try store.integrityCheck() == "ok")
        #expect(try metaKeys() == ["device", "events.seq-floor"])
        // v4 gives every card an empty action state, which is the fold of its (empty) action log.
        #expect(try store.inconsistentCards().isEmpty)
        let card = try #require(try store.cards().first)
        #expect(try store.card(card).map { !$0.suspended && $0.buriedUntil == nil } == true)
        #expect(try store.actions(ofDevice: "7fcc99c73f12").isEmpty)
    }

    @Test("once migrated, the attempts log is no longer read: the attempts are in the database")
    func logNoLongerNeeded() throws {
        defer { folder.remove() }
        _ = try open()
        try FileManager.default.removeItem(at: attemptLog)
        #expect(try open().attempts(card: "ex/two-sum").count == 2)
    }

    @Test("a value in meta that cannot be decoded stops the upgrade with its key; nothing is changed")
    func corruptMeta() throws {
        defer { folder.remove() }
        try DatabaseQueue(path: database).write { db in
            try db.execute(sql: "UPDATE meta SET value = '[{\"name\": \"team\"}]' WHERE key = 'sync.sources'")
        }
        let error = #expect(throws: StorageError.self) { try open() }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains("meta 'sync.sources'") && text.contains("was not changed"), "\(text)")
        #expect(try metaKeys().contains("sync.sources"))
        #expect(try metaKeys().contains("events.undone"))
    }

    @Test("a line of the attempts log that cannot be decoded stops the upgrade with file:line")
    func corruptAttemptLine() throws {
        defer { folder.remove() }
        let handle = try FileHandle(forWritingTo: attemptLog)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"card\": \"ex/two-sum\"}\n".utf8))
        try handle.close()
        let error = #expect(throws: StorageError.self) { try open() }
        let text = error.map { "\($0)" } ?? ""
        #expect(text.contains("log.jsonl:3"), "\(text)")
        #expect(try metaKeys().contains("sync.progress"))
    }
}
