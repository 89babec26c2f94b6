import Foundation
import GRDB
import RecallCore
import Scheduler
import Storage
import Testing

@Suite("The review log")
struct ReviewLogTests {
    @Test("answer logs the day's review, then drills while pending, and keeps the state the fold of the log")
    func answerReviewThenDrill() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a"])
        let review = try f.answer("d/a", 2)
        #expect(review.event.kind == .review)
        #expect(try review.event.device == f.store.deviceID() && review.event.seq == 1)
        #expect(review.state == SM2.review(nil, grade: Grade.of(2), on: f.today))
        let drill = try f.answer("d/a", 5)
        #expect(drill.event.kind == .drill && drill.event.seq == 2)
        #expect(drill.state == review.state)
        #expect(try f.store.card(f.key("d/a"))?.state == review.state)
        #expect(try f.store.history(of: f.key("d/a")) == [review.event, drill.event])
        #expect(try f.store.inconsistentCards().isEmpty)
    }

    @Test("answer refuses a card not due or a drill not pending unless early, and writes nothing")
    func answerRefusals() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a"])
        try f.answer("d/a", 5)
        let tomorrow = f.today.advanced(by: 1).iso
        #expect(throws: StorageError.notDue(card: "d/a", due: tomorrow, today: f.today.iso)) {
            try f.answer("d/a", 5)
        }
        #expect(throws: StorageError.notDue(card: "d/a", due: tomorrow, today: f.today.advanced(by: -5).iso)) {
            try f.answer("d/a", 5, on: f.today.advanced(by: -5))
        }
        #expect(try f.store.history(of: f.key("d/a")).count == 1)
        #expect(try f.answer("d/a", 5, early: true).event.kind == .drill)
    }

    @Test("answer refuses unknown and removed cards")
    func answerUnknownOrRemoved() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a", "b"])
        #expect(throws: StorageError.unknownCard("d/zz")) { try f.answer("d/zz", 5) }
        try f.importDeck("d", cards: ["a"])
        #expect(throws: StorageError.removedCard("d/b")) { try f.answer("d/b", 5) }
    }

    @Test("undo drops this device's last grade, refolds the card, never reuses its seq, and remembers it")
    func undo() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a", "b"])
        try f.answer("d/a", 4)
        try f.answer("d/b", 5)
        let undone = try f.store.undoLast()
        #expect(undone.event?.card == f.key("d/b") && undone.event?.seq == 2)
        #expect(undone.state == nil)
        #expect(try f.store.card(f.key("d/b"))?.state == nil)
        #expect(try f.store.undoneEvents() == [2])
        #expect(try f.answer("d/b", 5).event.seq == 3)
        _ = try f.store.undoLast()
        #expect(try f.store.undoLast().state == nil)
        #expect(try f.store.undoneEvents() == [1, 2, 3])  // table undone_event, by seq
        #expect(throws: StorageError.nothingToUndo) { try f.store.undoLast() }
        #expect(try f.answer("d/a", 4).event.seq == 4)
        try f.store.forgetUndone(upTo: 2)
        #expect(try f.store.undoneEvents() == [3])
    }

    @Test("reserveSeqs makes the next grade's seq higher, and never lowers the floor")
    func reserveSeqs() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a", "b"])
        try f.store.reserveSeqs(through: 40)
        try f.store.reserveSeqs(through: 7)
        #expect(try f.answer("d/a", 5).event.seq == 41)
    }

    @Test("merge adds another device's events once, applies retractions, and refolds what changed")
    func merge() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a", "b"])
        let day = f.today.advanced(by: -1)
        let theirs = [
            f.event("d/a", 5, day: day, device: "bbbb", seq: 1), f.event("d/b", 3, day: day, device: "bbbb", seq: 2),
        ]
        #expect(try f.store.merge(theirs) == 2)
        #expect(try f.store.merge(theirs) == 0)
        #expect(try f.store.card(f.key("d/b"))?.state == SM2.fold([theirs[1]]))
        #expect(try f.store.merge([], retracted: ["bbbb:2", "garbage", "cccc:9"]) == 0)
        #expect(try f.store.card(f.key("d/b"))?.state == nil)
        #expect(try f.store.events(ofDevice: "bbbb") == [theirs[0]])
        // A retracted event that arrives again is not added.
        #expect(try f.store.merge(theirs, retracted: ["bbbb:2"]) == 0)
        #expect(try f.store.inconsistentCards().isEmpty)
    }

    @Test("events of another device's card arrive before the card; its import refolds it")
    func eventsBeforeCard() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a"])
        let early = f.event("d/later", 5, day: f.today.advanced(by: -1), device: "bbbb", seq: 1)
        #expect(try f.store.merge([early]) == 1)
        try f.importDeck("d", cards: ["a", "later"])
        #expect(try f.store.card(f.key("d/later"))?.state == SM2.fold([early]))
    }

    @Test("devices lists every device in the log; events(ofDevice:after:) pages through one in seq order")
    func devicesAndEvents() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a"])
        #expect(try f.store.devices().isEmpty)
        let day = f.today.advanced(by: -30)
        let theirs = (1...4).map { f.event("d/a", 4, day: day.advanced(by: $0), device: "zzzz", seq: Int64($0)) }
        try f.store.merge(Array(theirs.reversed()))
        try f.answer("d/a", 5, early: true)
        #expect(try f.store.devices() == [f.store.deviceID(), "zzzz"].sorted())
        #expect(try f.store.events(ofDevice: "zzzz", after: 2) == Array(theirs[2...]))
        #expect(try f.store.events(ofDevice: "zzzz").map(\.seq) == [1, 2, 3, 4])
        #expect(try f.store.events(ofDevice: "nobody").isEmpty)
    }

    @Test("history is in fold order whatever the arrival order")
    func historyOrder() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a"])
        let day = f.today.advanced(by: -10)
        var events = [
            f.event("d/a", 5, day: day, device: "b", seq: 7), f.event("d/a", 4, day: day, device: "a", seq: 9),
        ]
        events[1].timestamp = events[0].timestamp  // same instant: device breaks the tie
        try f.store.merge(events)
        #expect(try f.store.history(of: f.key("d/a")) == [events[1], events[0]])
        #expect(try f.store.history(of: f.key("d/none")).isEmpty)
    }

    @Test("appendEvents skips known events and leaves states to refoldAll, which sets them all")
    func appendAndRefold() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a", "b", "c"])
        let day = f.today.advanced(by: -3)
        let events = [
            f.event("d/a", 5, day: day, device: "b", seq: 1), f.event("d/a", 2, day: day, device: "b", seq: 2),
            f.event("d/b", 1, day: day, device: "b", seq: 3),
        ]
        #expect(try f.store.appendEvents(events) == 3)
        #expect(try f.store.appendEvents(events) == 0)
        #expect(try f.store.card(f.key("d/a"))?.state == nil)
        #expect(try f.store.inconsistentCards() == ["d/a", "d/b"])
        #expect(try f.store.refoldAll() == 2)
        #expect(try f.store.inconsistentCards().isEmpty)
        #expect(try f.store.card(f.key("d/a"))?.state == SM2.fold(events[0...1]))
        #expect(try f.store.card(f.key("d/c"))?.state == nil)
    }

    @Test("refoldAll puts a card whose reviews are all gone back to new")
    func refoldAllClearsOrphanedState() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a"])
        try f.store.merge([f.event("d/a", 5, day: f.today.advanced(by: -2), device: "b", seq: 1)])
        #expect(try f.store.card(f.key("d/a"))?.state != nil)
        // Deleted behind the store's back: the stored state no longer matches the log.
        try f.database.write { db in try db.execute(sql: "DELETE FROM review_event") }
        #expect(try f.store.inconsistentCards() == ["d/a"])
        #expect(try f.store.refoldAll() == 0)
        #expect(try f.store.inconsistentCards().isEmpty)
        #expect(try f.store.card(f.key("d/a"))?.state == nil)
    }
}

@Suite("The review log refuses bad events")
struct BadEventTests {
    @Test("merge refuses an event the schema forbids, adding none of the batch, rather than skipping it")
    func mergeRefusesInvalidEvent() throws {
        let f = try StoreFixture()
        try f.importDeck("d", cards: ["a"])
        let day = f.today.advanced(by: -1)
        let good = f.event("d/a", 5, day: day, device: "bbbb", seq: 1)
        var bad = f.event("d/a", 4, day: day, device: "bbbb", seq: 2)
        bad.durationMs = -5
        #expect(throws: StorageError.self) { try f.store.merge([good, bad]) }
        #expect(try f.store.events(ofDevice: "bbbb").isEmpty)
        bad.durationMs = 0
        bad.seq = 0
        #expect(throws: StorageError.self) { try f.store.merge([bad]) }
    }
}
