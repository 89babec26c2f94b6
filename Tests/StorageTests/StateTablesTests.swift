import DeckFormat
import Foundation
import RecallCore
import RecallTestSupport
import Storage
import Testing

/// The typed state tables (migration `v3-typed-state`) through NotebookStore's methods, on a real
/// notebook file in a temporary folder.
@Suite struct StateTablesTests {
    let folder: TemporaryFolder
    let store: NotebookStore

    init() throws {
        folder = try TemporaryFolder("recall-storage")
        store = try NotebookStore(path: folder.url.appendingPathComponent("notebook.sqlite").path)
    }

    @Test("sources: saved, replaced by name with their pending files, listed by name, deleted")
    func sources() throws {
        defer { folder.remove() }
        #expect(try store.sources().isEmpty)
        let team = SourceRecord(name: "team", url: "file:///r/team.git", path: "decks", branch: "main")
        var solo = SourceRecord(name: "solo", url: "file:///r/solo.git", path: "", branch: "trunk")
        try store.saveSource(team)
        try store.saveSource(solo)
        #expect(try store.sources() == [solo, team])
        solo.imported = String(repeating: "ab", count: 20)
        solo.pendingFiles = ["a.md", "deck/b.md"]
        try store.saveSource(solo)
        #expect(try store.sources() == [solo, team])
        solo.pendingFiles = ["c.md"]
        try store.saveSource(solo)
        #expect(try store.sources().first?.pendingFiles == ["c.md"])
        try store.deleteSource(named: "solo")
        try store.deleteSource(named: "absent")
        #expect(try store.sources() == [team])
    }

    @Test("a source that breaks the table's constraints is refused, and the table keeps its rows")
    func badSource() throws {
        defer { folder.remove() }
        let team = SourceRecord(name: "team", url: "file:///r/team.git", path: "", branch: "main")
        try store.saveSource(team)
        #expect(throws: StorageError.self) {
            try store.saveSource(SourceRecord(name: "", url: "file:///x", path: "", branch: "main"))
        }
        #expect(throws: StorageError.self) {
            try store.saveSource(SourceRecord(name: "x", url: "file:///x", path: "", branch: "main", imported: "HEAD"))
        }
        #expect(try store.sources() == [team])
    }

    @Test("local conflict copies: added (twice is once), listed, removed one by one")
    func conflictCopies() throws {
        defer { folder.remove() }
        #expect(try store.localConflictCopies().isEmpty)
        try store.addLocalConflictCopies(["x--conflict-1", "y--conflict-2"])
        try store.addLocalConflictCopies(["x--conflict-1"])
        #expect(try store.localConflictCopies() == ["x--conflict-1", "y--conflict-2"])
        try store.removeLocalConflictCopy("x--conflict-1")
        try store.removeLocalConflictCopy("absent")
        #expect(try store.localConflictCopies() == ["y--conflict-2"])
        #expect(throws: StorageError.self) { try store.addLocalConflictCopies(["Not An Id"]) }
    }

    @Test("progress remote: none, set, replaced (one row)")
    func progressRemote() throws {
        defer { folder.remove() }
        #expect(try store.progressRemote() == nil)
        let first = ProgressRemoteRecord(url: "file:///p.git", branch: "main")
        try store.setProgressRemote(first)
        #expect(try store.progressRemote() == first)
        let second = ProgressRemoteRecord(
            url: "file:///q.git", branch: "main", imported: String(repeating: "0", count: 40))
        try store.setProgressRemote(second)
        #expect(try store.progressRemote() == second)
    }

    @Test("exercise attempts: logged in order, listed per card; impossible counts refused")
    func attempts() throws {
        defer { folder.remove() }
        let wrong = ExerciseAttempt(
            card: "ex/two-sum", day: "2026-11-23", time: "2026-11-23T10:00:00Z", language: "python",
            verdict: "Wrong Answer", passed: 1, total: 9)
        var right = wrong
        right.verdict = "Accepted"
        right.passed = 9
        var other = wrong
        other.card = "ex/other"
        for attempt in [wrong, other, right] { try store.logAttempt(attempt) }
        #expect(try store.attempts(card: "ex/two-sum") == [wrong, right])
        #expect(try store.attempts(card: "ex/other") == [other])
        #expect(try store.attempts(card: "ex/none").isEmpty)
        var impossible = wrong
        impossible.passed = 10
        #expect(throws: StorageError.self) { try store.logAttempt(impossible) }
    }

    @Test("undo records the undone seq; forgetUndone drops those up to a seq; the next grade gets a new seq")
    func undone() throws {
        defer { folder.remove() }
        try folder.write("d/deck.yaml", "deck: d\ntitle: D\n")
        try folder.write("d/cards.md", "## Q x {#x}\nA x.\n\n## Q y {#y}\nA y.\n")
        _ = try store.apply(DeckScanner(writeIDs: false).scan([folder.url.appendingPathComponent("d")]).decks)
        let day = StudyDay(ordinal: 20_000)
        let x = CardKey(deck: "d", id: "x")
        let y = CardKey(deck: "d", id: "y")
        #expect(throws: StorageError.nothingToUndo) { _ = try store.undoLast() }
        let first = try store.answer(x, grade: Grade(rawValue: 4)!, day: day, timestamp: 1)
        let second = try store.answer(y, grade: Grade(rawValue: 4)!, day: day, timestamp: 2)
        #expect(try store.undoLast().event?.seq == second.event.seq)
        #expect(try store.undoLast().event?.seq == first.event.seq)
        #expect(try store.undoneEvents() == [first.event.seq, second.event.seq])
        try store.forgetUndone(upTo: first.event.seq)
        #expect(try store.undoneEvents() == [second.event.seq])
        let third = try store.answer(x, grade: Grade(rawValue: 4)!, day: day, timestamp: 3)
        #expect(third.event.seq == second.event.seq + 1)
        #expect(try store.undoLast().event?.seq == third.event.seq)
        #expect(throws: StorageError.nothingToUndo) { _ = try store.undoLast() }
    }

    @Test("the device id is made by the first write that needs it, then stays")
    func deviceID() throws {
        defer { folder.remove() }
        #expect(try store.existingDeviceID() == nil)
        let id = try store.deviceID()
        #expect(id.count == 12)
        #expect(try store.existingDeviceID() == id)
        #expect(try store.deviceID() == id)
    }

    @Test("opening an existing notebook writes nothing: the file and its folder are left as they were")
    func openWritesNothing() throws {
        defer { folder.remove() }
        let path = folder.url.appendingPathComponent("notebook.sqlite").path
        try store.setSetting("k", "v")
        let before = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        // The main file and the WAL (where a commit would go); the -shm index changes on reads.
        let contents = { try [path, path + "-wal"].map { try Data(contentsOf: URL(fileURLWithPath: $0)) } }
        let bytes = try contents()
        let reopened = try NotebookStore(path: path, create: false)
        #expect(try reopened.setting("k") == "v")
        #expect(try reopened.existingDeviceID() == nil)
        #expect(try contents() == bytes)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == before)
    }
}
