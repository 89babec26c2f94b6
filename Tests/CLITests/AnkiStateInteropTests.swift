import Foundation
import RecallTestSupport
import Testing

/// Schedules, states and edits across Recall and Anki's own library (issue 18, points 5 and 10).
@Suite("Anki interop: schedules, states, edits", .serialized)
struct AnkiStateInteropTests {
    /// A card's schedule as `recall cards --json` lists it, without the question text.
    static func states(_ home: TemporaryFolder, now: String) throws -> [String: String] {
        let listed = try RecallProcess.run(["cards", "--json"], home: home.path, now: now)
        #expect(listed.status == 0, "\(listed.stderr)")
        var result: [String: String] = [:]
        for card in listed.json["cards"] as? [[String: Any]] ?? [] {
            let fields = ["state", "due", "interval", "ease", "lapses"].map { "\($0)=\(card[$0] ?? "nil")" }
            result[card["card"] as? String ?? "?"] = fields.joined(separator: " ")
        }
        return result
    }

    @Test(
        "Anki → Recall → Anki: every note comes back under its guid and note type with the same fields, and every card (both sides of reversed notes) with Anki's own schedule and state"
    )
    func ankiRoundTrip() throws {
        let home = try TemporaryFolder("recall-home")
        let work = try TemporaryFolder("anki-work")
        defer { home.remove(); work.remove() }
        let package = work.path + "/studied.apkg"
        let built = try Interop.run(
            "anki_study.py", [try Interop.collectionFolder(work, "original"), package], in: work)
        #expect((built["cards"] as? [[String: Any]] ?? []).count == 14)

        // Recall's clock is the real one here, as Anki's is.
        let imported = try RecallProcess.run(["import", package, "--json"], home: home.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let info = (imported.json["packages"] as? [[String: Any]])?.first ?? [:]
        let skipped = info["skipped"] as? [String: Int] ?? [:]
        // Every card is a Recall card, the reversed notes' second sides included.
        #expect(skipped.isEmpty, "\(info)")
        #expect((info["states_set"] as? Int ?? 0) > 0, "\(info)")
        let doctor = try RecallProcess.run(["doctor", "--json"], home: home.path)
        #expect(doctor.status == 0, "\(doctor.stdout) \(doctor.stderr)")

        // A study day's learning steps after its first answer are re-drills: one review a day at most.
        let listed = try RecallProcess.run(["cards", "--json"], home: home.path)
        #expect((listed.json["cards"] as? [[String: Any]] ?? []).count == 14)
        for card in listed.json["cards"] as? [[String: Any]] ?? [] {
            let key = card["card"] as? String ?? ""
            let shown = try RecallProcess.run(["show", key, "--json"], home: home.path)
            let reviews = (shown.json["history"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "review" }
            let days = reviews.compactMap { $0["day"] as? String }
            #expect(Set(days).count == days.count, "\(key): \(days)")
        }

        let exported = work.path + "/from-recall.apkg"
        let export = try RecallProcess.run(["export", "--apkg", exported], home: home.path)
        #expect(export.status == 0, "\(export.stderr)")
        let original = try Interop.run("anki_notes.py", [work.path + "/original"], in: work)
        let final = try Interop.run(
            "anki_notes.py", [try Interop.collectionFolder(work, "final"), exported], in: work)
        let compared = Self.compareNotes(original, final)
        #expect(compared.notes == 10 && compared.cards == 14)
        let queues = Self.notes(original).values.flatMap { $0["cards"] as? [[String: Any]] ?? [] }
            .compactMap { $0["queue"] as? Int }
        #expect(queues.contains(-1) && queues.contains(-3))
    }

    /// Whether Anki's name for an imported note type is `name`: Anki appends `+` to the name of a
    /// note type it already has one of by that name (its own Basic, in a new collection).
    static func sameTypeName(_ imported: String, _ name: String) -> Bool {
        imported.hasPrefix(name) && imported.dropFirst(name.count).allSatisfy { $0 == "+" }
    }

    /// `anki_notes.py`'s notes by guid.
    static func notes(_ printed: [String: Any]) -> [String: [String: Any]] {
        Dictionary(
            (printed["notes"] as? [[String: Any]] ?? []).map { ($0["guid"] as? String ?? "", $0) },
            uniquingKeysWith: { a, _ in a })
    }

    /// Expects every note of `original` in `final` under its guid, of the same note type (fields,
    /// templates and styling; the name as `sameTypeName` compares it), with fields that normalize
    /// to the same HTML (but those of `except`), the same tags, and every card at its ordinal with
    /// Anki's own deck, type, queue, due day, interval, ease and lapses. Returns how many notes and
    /// cards it compared.
    @discardableResult
    static func compareNotes(
        _ original: [String: Any], _ final: [String: Any], except: Set<String> = []
    ) -> (notes: Int, cards: Int) {
        let finals = notes(final)
        var counted = (notes: 0, cards: 0)
        for (guid, note) in notes(original) {
            guard let back = finals[guid] else {
                Issue.record("note \(guid) is not in the final collection under its guid")
                continue
            }
            let name = note["notetype"] as? String ?? ""
            let finalName = back["notetype"] as? String ?? ""
            #expect(Self.sameTypeName(finalName, name), "\(guid): \(finalName)")
            for key in ["notetype_fields", "templates", "css", "tags"] {
                #expect("\(back[key] ?? "nil")" == "\(note[key] ?? "nil")", "\(guid).\(key)")
            }
            if !except.contains(guid) {
                #expect(
                    back["normalized"] as? [String] == note["normalized"] as? [String],
                    "\(guid): \(back["fields"] ?? "") vs \(note["fields"] ?? "")")
            }
            let cards = note["cards"] as? [[String: Any]] ?? []
            let finalCards = back["cards"] as? [[String: Any]] ?? []
            #expect(finalCards.count == cards.count, "\(guid): \(finalCards.count) cards")
            for card in cards {
                let ord = card["ord"] as? Int ?? -1
                guard let other = finalCards.first(where: { $0["ord"] as? Int == ord }) else {
                    Issue.record("\(guid) card \(ord) is missing")
                    continue
                }
                for field in ["deck", "type", "queue", "due_in_days", "ivl", "factor", "lapses"] {
                    #expect("\(other[field] ?? "nil")" == "\(card[field] ?? "nil")", "\(guid) card \(ord) \(field)")
                }
                counted.cards += 1
            }
            counted.notes += 1
        }
        return counted
    }

    @Test("Recall → Anki → Recall: every bundled card's schedule, suspension and burial come back identical")
    func bundledDecksThroughAnki() throws {
        let home = try TemporaryFolder("recall-home")
        let other = try TemporaryFolder("recall-home")
        let work = try TemporaryFolder("anki-work")
        defer { home.remove(); other.remove(); work.remove() }
        let decks = RecallProcess.repositoryRoot.appendingPathComponent("Decks").path
        let start = "2026-11-01T09:00:00Z"
        #expect(try RecallProcess.run(["import", decks], home: home.path, now: start).status == 0)
        let keys = try Self.states(home, now: start).keys.sorted()
        #expect(keys.count > 20)
        let studied = Array(keys.prefix(14))
        // Day 1: first reviews, a re-drill after each fail; days 2 and 8: whatever is due then.
        let grades = [5, 4, 3, 2, 4, 1, 5, 3, 4, 0, 5, 4, 2, 3]
        for (index, key) in studied.enumerated() {
            let grade = grades[index]
            let first = try RecallProcess.run(["answer", key, "\(grade)"], home: home.path, now: start)
            #expect(first.status == 0, "\(key): \(first.stderr)")
            if grade < 4 {
                _ = try RecallProcess.run(["answer", key, "4"], home: home.path, now: "2026-11-01T09:30:00Z")
            }
        }
        for (day, now) in [(2, "2026-11-02T09:00:00Z"), (8, "2026-11-08T09:00:00Z")] {
            for (index, key) in studied.enumerated() {
                // Not due: refused (exit 1), nothing logged.
                _ = try RecallProcess.run(
                    ["answer", key, "\(grades[(index + day) % grades.count])"], home: home.path, now: now)
            }
        }
        let now = "2026-11-08T10:00:00Z"
        for (action, key) in [("suspend", studied[0]), ("bury", studied[1]), ("suspend", keys[keys.count - 1])] {
            #expect(try RecallProcess.run([action, key], home: home.path, now: now).status == 0)
        }
        let original = try Self.states(home, now: now)

        let package = work.path + "/bundled.apkg"
        #expect(try RecallProcess.run(["export", "--apkg", package], home: home.path, now: now).status == 0)
        let collection = try Interop.collectionFolder(work, "anki")
        try Interop.run("anki_open.py", [collection, package], in: work)
        let back = work.path + "/from-anki.apkg"
        try Interop.run("anki_tools.py", ["export", collection, back], in: work)
        let imported = try RecallProcess.run(["import", back, "--json"], home: other.path, now: now)
        #expect(imported.status == 0, "\(imported.stderr)")

        let copy = try Self.states(other, now: now)
        #expect(copy.count == original.count)
        for (key, state) in original {
            #expect(copy[key] == state, "\(key)")
        }
        #expect(original.values.contains { $0.hasPrefix("state=suspended") })
        #expect(original.values.contains { $0.hasPrefix("state=buried") })
    }

    @Test(
        "a note edited in Anki keeps the edit when an untouched notebook is exported again; a Recall edit still reaches Anki"
    )
    func ankiEditSurvives() throws {
        let (home, decks) = try homeWithHistory()
        let work = try TemporaryFolder("anki-work")
        defer { home.remove(); decks.remove(); work.remove() }
        let first = work.path + "/first.apkg"
        #expect(try RecallProcess.run(["export", "--apkg", first], home: home.path).status == 0)
        let collection = try Interop.collectionFolder(work, "a")
        try Interop.run("anki_open.py", [collection, first], in: work)
        let edit = try Interop.run("anki_tools.py", ["edit", collection, "d/plain", "1", "Edited in Anki"], in: work)
        // Modification times are seconds: what comes next must be in a later second than the edit.
        let edited = edit["mod"] as? Int ?? 0
        #expect(Patience.poll { Int(Date().timeIntervalSince1970) > edited })

        // Exported later (the real clock, after the edit), the text unchanged since its import (on
        // the fixed clock of homeWithHistory, 2026-11-23).
        let second = work.path + "/second.apkg"
        #expect(try RecallProcess.run(["export", "--apkg", second], home: home.path, now: nil).status == 0)
        let again = try Interop.run("anki_open.py", [collection, second], in: work)
        func back(_ result: [String: Any], _ guid: String) -> String? {
            let note = (result["notes"] as? [[String: Any]])?.first { $0["guid"] as? String == guid }
            // What the field shows: the Markdown Recall keeps in a trailing comment is not shown.
            let field = (note?["fields"] as? [String])?.last
            return field.map { $0.replacing(/\n?<!--recall:[A-Za-z0-9+\/=]*-->$/, with: "") }
        }
        #expect(back(again, "d/plain") == "Edited in Anki")

        // An edit made in Recall afterwards is newer, and Anki takes it.
        try decks.write(
            "d/cards.md",
            try decks.read("d/cards.md").replacingOccurrences(of: "Plain answer.", with: "Plain answer, from Recall."))
        #expect(try RecallProcess.run(["import", decks.path + "/d"], home: home.path, now: nil).status == 0)
        let third = work.path + "/third.apkg"
        #expect(try RecallProcess.run(["export", "--apkg", third], home: home.path, now: nil).status == 0)
        let last = try Interop.run("anki_open.py", [collection, third], in: work)
        #expect(back(last, "d/plain") == "Plain answer, from Recall.")
    }

    @Test("the schedules and states an Anki import set reach another device by progress sync, which folds them alike")
    func statesTravelBySync() throws {
        let root = try TemporaryFolder("recall-progress")
        defer { root.remove() }
        let package = root.path + "/studied.apkg"
        try Interop.run("anki_study.py", [try Interop.collectionFolder(root, "anki"), package], in: root)
        let remote = try GitCLI.bareRemote(in: root, name: "progress", files: [:])
        let a = try TemporaryFolder("recall-home")
        let b = try TemporaryFolder("recall-home")
        defer { a.remove(); b.remove() }
        let now = "2026-12-01T10:00:00Z"
        let imported = try RecallProcess.run(["import", package], home: a.path, now: now)
        #expect(imported.status == 0, "\(imported.stderr)")
        // The other device reads the decks as files (their folders under A's data home), without any event.
        let folders = try FileManager.default.contentsOfDirectory(atPath: a.path + "/decks").filter {
            !$0.hasPrefix(".")
        }
        #expect(!folders.isEmpty)
        let files = try RecallProcess.run(["import"] + folders.map { a.path + "/decks/" + $0 }, home: b.path, now: now)
        #expect(files.status == 0, "\(files.stderr)")
        #expect(try Self.states(a, now: now) != Self.states(b, now: now))
        for home in [a, b] {
            let set = try RecallProcess.run(
                ["progress", "remote", "file://" + remote.path, "--home", home.path], home: nil)
            #expect(set.status == 0, "\(set.stderr)")
        }
        for home in [a, b, a] {
            let synced = try RecallProcess.run(["sync"], home: home.path, now: now)
            #expect(synced.status == 0, "\(synced.stderr)")
        }
        let statesA = try Self.states(a, now: now)
        #expect(statesA == (try Self.states(b, now: now)))
        #expect(statesA.values.contains { $0.hasPrefix("state=suspended") })
        let doctor = try RecallProcess.run(["doctor"], home: b.path, now: now)
        #expect(doctor.status == 0, "\(doctor.stdout) \(doctor.stderr)")
    }
}
