import Foundation
import RecallTestSupport
import Testing

/// Anki notes imported into Recall go back to Anki as themselves (issue 18: the round trip Anki →
/// Recall → Anki), with Anki's own library: edits made in Recall reach the user's collection as
/// updates of the same notes, and a deck's `anki-notes.json` is read as hostile input.
@Suite("Anki interop: notes given back", .serialized)
struct AnkiNotesGivenBackTests {
    /// A notebook holding the studied collection of `anki_study.py`, and its Anki folder.
    static func imported(_ home: TemporaryFolder, _ work: TemporaryFolder) throws -> (original: String, decks: [String])
    {
        let original = try Interop.collectionFolder(work, "original")
        let package = work.path + "/studied.apkg"
        try Interop.run("anki_study.py", [original, package], in: work)
        let imported = try RecallProcess.run(["import", package, "--json"], home: home.path, now: nil)
        #expect(imported.status == 0, "\(imported.stderr)")
        let info = (imported.json["packages"] as? [[String: Any]])?.first ?? [:]
        return (original, info["folders"] as? [String] ?? [])
    }

    /// The deck folder whose cards.md holds the card `id`, and that file's text.
    static func deck(holding id: String, in folders: [String]) throws -> (folder: String, text: String) {
        for folder in folders {
            let text = try String(contentsOfFile: folder + "/cards.md", encoding: .utf8)
            if text.contains("{#\(id)}") { return (folder, text) }
        }
        throw Interop.Failure(description: "no imported deck holds \(id)")
    }

    @Test(
        "a Basic note edited in Recall goes back under its guid and note type with the new text, and updates the original collection instead of adding notes"
    )
    func editedNoteUpdatesOriginal() throws {
        let home = try TemporaryFolder("recall-home")
        let work = try TemporaryFolder("anki-work")
        defer { home.remove(); work.remove() }
        let (original, folders) = try Self.imported(home, work)
        let before = try Interop.run("anki_notes.py", [original], in: work)
        let originalMod = AnkiStateInteropTests.notes(before)["algo-heap"]?["mod"] as? Int ?? 0
        // Seconds: the edit must be in a later second than the note's mod in Anki.
        #expect(Patience.poll { Int(Date().timeIntervalSince1970) > originalMod })

        let (folder, text) = try Self.deck(holding: "algo-heap", in: folders)
        #expect(text.contains("sift up"))
        try text.replacingOccurrences(of: "sift up", with: "sift up to the root")
            .write(toFile: folder + "/cards.md", atomically: true, encoding: .utf8)
        let reread = try RecallProcess.run(["import", folder], home: home.path, now: nil)
        #expect(reread.status == 0, "\(reread.stderr)")

        let package = work.path + "/edited.apkg"
        let export = try RecallProcess.run(["export", "--apkg", package], home: home.path, now: nil)
        #expect(export.status == 0, "\(export.stderr)")

        // In a new collection: the same notes, the edited one with its new text, under its guid.
        let fresh = try Interop.run("anki_notes.py", [try Interop.collectionFolder(work, "fresh"), package], in: work)
        AnkiStateInteropTests.compareNotes(before, fresh, except: ["algo-heap"])
        let edited = try #require(AnkiStateInteropTests.notes(fresh)["algo-heap"])
        #expect(AnkiStateInteropTests.sameTypeName(edited["notetype"] as? String ?? "", "Basic"))
        let back = (edited["normalized"] as? [String] ?? []).last ?? ""
        #expect(back.contains("sift up to the root"), "\(back)")
        // The time of the edit in Recall (the real clock's, after the note's mod in Anki).
        #expect((edited["mod"] as? Int ?? 0) > originalMod)

        // Into the collection the notes came from: one note updated, none added.
        let updated = try Interop.run("anki_notes.py", [original, package], in: work)
        let log = (updated["imports"] as? [[String: Int]])?.first ?? [:]
        #expect(log["new"] == 0 && log["updated"] == 1, "\(log)")
        #expect(AnkiStateInteropTests.notes(updated).count == AnkiStateInteropTests.notes(before).count)
        let inOriginal = AnkiStateInteropTests.notes(updated)["algo-heap"]?["normalized"] as? [String] ?? []
        #expect(inOriginal.last?.contains("sift up to the root") == true, "\(inOriginal)")
        #expect((AnkiStateInteropTests.notes(updated)["algo-bsearch"]?["normalized"] as? [String]) != nil)
        AnkiStateInteropTests.compareNotes(before, updated, except: ["algo-heap"])
    }

    @Test(
        "an edited cloze cannot be written back into its note: its cards go to Anki as Recall notes, the others as themselves"
    )
    func editedClozeAsRecallNotes() throws {
        let home = try TemporaryFolder("recall-home")
        let work = try TemporaryFolder("anki-work")
        defer { home.remove(); work.remove() }
        let (_, folders) = try Self.imported(home, work)
        let (folder, text) = try Self.deck(holding: "lang-cloze-c1", in: folders)
        try text.replacingOccurrences(of: "since 1868", with: "since 1869")
            .write(toFile: folder + "/cards.md", atomically: true, encoding: .utf8)
        #expect(try RecallProcess.run(["import", folder], home: home.path).status == 0)
        let package = work.path + "/cloze.apkg"
        #expect(try RecallProcess.run(["export", "--apkg", package], home: home.path).status == 0)
        let final = AnkiStateInteropTests.notes(
            try Interop.run("anki_notes.py", [try Interop.collectionFolder(work, "final"), package], in: work))
        #expect(final["lang-cloze"] == nil)
        let recallNotes = final.filter { $0.key.hasSuffix("/lang-cloze-c1") || $0.key.hasSuffix("/lang-cloze-c2") }
        #expect(recallNotes.count == 2)
        #expect(recallNotes.values.allSatisfy { $0["notetype"] as? String == "Recall (Front/Back)" })
        #expect(AnkiStateInteropTests.sameTypeName(final["algo-cloze"]?["notetype"] as? String ?? "", "Cloze"))
        #expect(final.count == 11)
    }

    @Test(
        "Recall's export of an imported Anki deck imports into Recall as the same decks and cards, in this notebook and in another"
    )
    func backIntoRecall() throws {
        let home = try TemporaryFolder("recall-home")
        let other = try TemporaryFolder("recall-home")
        let work = try TemporaryFolder("anki-work")
        defer { home.remove(); other.remove(); work.remove() }
        _ = try Self.imported(home, work)
        let before = try AnkiStateInteropTests.states(home, now: "2026-11-23T10:00:00Z")
        #expect(before.count == 14)
        let package = work.path + "/from-recall.apkg"
        #expect(try RecallProcess.run(["export", "--apkg", package], home: home.path).status == 0)
        for target in [home, other] {
            let imported = try RecallProcess.run(["import", package, "--json"], home: target.path)
            #expect(imported.status == 0, "\(imported.stderr)")
            #expect(try AnkiStateInteropTests.states(target, now: "2026-11-23T10:00:00Z") == before)
        }
    }

    @Test("an Anki note showing an image and playing a sound goes back with the same fields, and its files")
    func noteWithMedia() throws {
        let home = try TemporaryFolder("recall-home")
        let work = try TemporaryFolder("anki-work")
        defer { home.remove(); work.remove() }
        let (package, built, expected) = try AnkiMediaInteropTests.build(work, colpkg: false)
        #expect(try RecallProcess.run(["import", package], home: home.path).status == 0)
        let exported = work.path + "/from-recall.apkg"
        #expect(try RecallProcess.run(["export", "--apkg", exported], home: home.path).status == 0)
        let original = try Interop.run("anki_notes.py", [work.path + "/anki"], in: work)
        let final = try Interop.run("anki_notes.py", [try Interop.collectionFolder(work, "final"), exported], in: work)
        #expect(AnkiStateInteropTests.compareNotes(original, final).notes == 1)
        let opened = try Interop.run("anki_open.py", [try Interop.collectionFolder(work, "again"), exported], in: work)
        let media = opened["media"] as? [String: String] ?? [:]
        for name in [built["image"] as? String ?? "", built["audio"] as? String ?? ""] {
            let bytes = try Data(contentsOf: expected.appendingPathComponent(name))
            #expect(media[name] == bytes.map { String(format: "%02x", $0) }.joined(), "\(name)")
        }
    }

    @Test("a deck's anki-notes.json that is not JSON, inconsistent or too large stops the export, naming the file")
    func hostileOrigins() throws {
        let home = try TemporaryFolder("recall-home")
        let work = try TemporaryFolder("anki-work")
        defer { home.remove(); work.remove() }
        let (_, folders) = try Self.imported(home, work)
        let (folder, _) = try Self.deck(holding: "algo-heap", in: folders)
        let file = folder + "/anki-notes.json"
        let kept = try String(contentsOfFile: file, encoding: .utf8)
        #expect(kept.contains("\"guid\" : \"algo-heap\"") && kept.contains("\"kind\" : \"std\""))
        let bad: [(String, String)] = [
            ("{\"version\": 1, \"notes\": [", "not valid JSON"),
            (kept.replacingOccurrences(of: "\"version\" : 1", with: "\"version\" : 7"), "version 7"),
            (kept.replacingOccurrences(of: "\"guid\" : \"algo-heap\"", with: "\"guid\" : 5"), "wrong type"),
            (kept.replacingOccurrences(of: "\"algo-heap\" : 0", with: "\"algo-heap\" : 9"), "ordinal 9"),
            (
                kept.replacingOccurrences(of: "\"kind\" : \"std\"", with: "\"kind\" : \"weird\""),
                "noteTypes.0.kind is wrong: 'weird' is not a note type kind"
            ),
            (String(repeating: " ", count: (64 << 20) + 1), "over the limit"),
        ]
        for (content, message) in bad {
            try content.write(toFile: file, atomically: true, encoding: .utf8)
            let export = try RecallProcess.run(["export", "--apkg", work.path + "/x.apkg"], home: home.path)
            #expect(export.status == 1, "\(message): \(export.stdout)")
            #expect(export.stderr.contains(file) && export.stderr.contains(message), "\(export.stderr)")
        }
        // Without the file, the deck's cards are exported as Recall notes, as before.
        try FileManager.default.removeItem(atPath: file)
        #expect(try RecallProcess.run(["export", "--apkg", work.path + "/x.apkg"], home: home.path).status == 0)
    }
}
