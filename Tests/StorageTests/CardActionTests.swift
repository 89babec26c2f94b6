import Foundation
import GRDB
import RecallCore
import Scheduler
import Storage
import Testing

@Suite("Study actions in the log")
struct CardActionTests {
    @Test("suspend takes a card out of the queue and unsuspend brings it back; seqs are shared with grades")
    func suspend() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a", "b"])
        try f.answer("d/a", 5)
        let outcome = try f.act(.suspend, "d/b")
        #expect(outcome.map(\.action.seq) == [2] && outcome[0].status.suspended)
        #expect(try f.store.card(f.key("d/b"))?.suspended == true)
        #expect(try f.queue(on: f.today.advanced(by: 10)) == ["d/a"])
        try f.act(.unsuspend, "d/b")
        #expect(try f.queue(on: f.today.advanced(by: 10)) == ["d/a", "d/b"])
        #expect(try f.store.inconsistentCards().isEmpty)
    }

    @Test("a buried card is out for the day and back the next study day")
    func bury() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a", "b"])
        try f.act(.bury, "d/a")
        #expect(try f.queue() == ["d/b"])
        #expect(try f.queue(on: f.today.advanced(by: 1)) == ["d/a", "d/b"])
    }

    @Test("forget makes a card new, keeps its history, and its next grade starts a new schedule")
    func forget() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a"])
        try f.answer("d/a", 5)
        try f.answer("d/a", 5, on: f.today.advanced(by: 1))
        try f.act(.forget, "d/a", on: f.today.advanced(by: 2))
        #expect(try f.store.card(f.key("d/a"))?.state == nil)
        #expect(try f.store.history(of: f.key("d/a")).count == 2)
        #expect(try f.queue(on: f.today.advanced(by: 2)) == ["d/a"])
        let again = try f.answer("d/a", 3, on: f.today.advanced(by: 2))
        #expect(again.event.kind == .review)
        #expect(again.state == SM2.review(nil, grade: Grade.of(3), on: f.today.advanced(by: 2)))
        #expect(try f.store.inconsistentCards().isEmpty)
        try f.store.refoldAll()
        #expect(try f.store.card(f.key("d/a"))?.state == again.state)
    }

    @Test("undo takes back the last event, grade or action, and the seq is never reused")
    func undo() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a"])
        let graded = try f.answer("d/a", 5)
        try f.act(.forget, "d/a")
        let undone = try f.store.undoLast()
        #expect(undone.event == nil && undone.undone.card == f.key("d/a"))
        #expect(undone.state == graded.state)
        #expect(try f.store.card(f.key("d/a"))?.state == graded.state)
        #expect(try f.act(.suspend, "d/a")[0].action.seq == 3)
        #expect(try f.store.undoneEvents() == [2])
        #expect(try f.store.undoLast().undone.card == f.key("d/a"))
        #expect(try f.store.card(f.key("d/a"))?.suspended == false)
        #expect(try f.store.undoLast().event == graded.event)
    }

    @Test("actions from another device merge idempotently, refold the card, and can be retracted")
    func merge() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a"])
        let other = CardAction(
            card: f.key("d/a"), timestamp: Int64(f.today.ordinal) * 86_400_000, day: f.today, kind: .suspend,
            device: "other", seq: 1)
        #expect(try f.store.merge([], actions: [other]) == 1)
        #expect(try f.store.merge([], actions: [other]) == 0)
        #expect(try f.store.card(f.key("d/a"))?.suspended == true)
        #expect(try f.store.actions(ofDevice: "other") == [other])
        #expect(try f.store.devices().contains("other"))
        try f.store.merge([], retracted: [other.id])
        #expect(try f.store.card(f.key("d/a"))?.suspended == false)
    }

    @Test("a stored suspension or burial that is not the fold of the log is reported, and refoldAll mends it")
    func consistency() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a", "b", "c"])
        try f.act(.suspend, "d/a")
        try f.database.write { db in
            try db.execute(sql: "UPDATE card SET suspended = 0 WHERE key = 'd/a'")
            try db.execute(sql: "UPDATE card SET buried_until = 1 WHERE key = 'd/b'")
        }
        #expect(try f.store.inconsistentCards().sorted() == ["d/a", "d/b"])
        try f.store.refoldAll()
        #expect(try f.store.inconsistentCards().isEmpty)
        #expect(try f.store.card(f.key("d/a"))?.suspended == true)
        #expect(try f.store.card(f.key("d/b"))?.buriedUntil == nil)
    }

    @Test("an action on an unknown or removed card fails and logs nothing")
    func refusals() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a", "b"])
        #expect(throws: StorageError.unknownCard("d/zz")) { try f.act(.suspend, "d/a", "d/zz") }
        #expect(try f.store.actions(of: f.key("d/a")).isEmpty)
        try f.importDeck("d", cards: ["a"])
        #expect(throws: StorageError.removedCard("d/b")) { try f.act(.bury, "d/b") }
    }
}
