import Foundation
import RecallTestSupport
import Testing

/// Anki's current package format (zstd, schema 18, protobuf media map) and media both ways,
/// against Anki's own library (Tests/Interop/anki_media_build.py, anki_open.py, anki_hostile.py).
@Suite("Anki packages of today, with media (Anki's own library)", .serialized)
struct AnkiMediaInteropTests {
    /// Builds Anki's package with an image and an audio file; returns its path, the build's JSON,
    /// and the folder holding the media's original bytes.
    static func build(_ work: TemporaryFolder, colpkg: Bool = false) throws -> (String, [String: Any], URL) {
        let collection = try Interop.collectionFolder(work, "anki")
        let package = work.path + (colpkg ? "/media.colpkg" : "/media.apkg")
        let built = try Interop.run(
            "anki_media_build.py", [collection, package] + (colpkg ? ["--colpkg"] : []), in: work)
        return (package, built, URL(fileURLWithPath: collection).appendingPathComponent("expected"))
    }

    @Test("Anki's default export (anki21b) imports with its image and audio, byte for byte", arguments: [false, true])
    func modernPackageWithMedia(colpkg: Bool) throws {
        let home = try TemporaryFolder("recall-home")
        let work = try TemporaryFolder("anki-work")
        defer { home.remove(); work.remove() }
        let (package, built, expected) = try Self.build(work, colpkg: colpkg)
        let image = built["image"] as? String ?? ""
        let audio = built["audio"] as? String ?? ""

        let imported = try RecallProcess.run(["import", package, "--json"], home: home.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let info = (imported.json["packages"] as? [[String: Any]])?.first ?? [:]
        #expect(info["media_imported"] as? Int == 2)
        // The deck's id is its name and a hash of its Anki deck id (docs/ANKI.md).
        let ids = imported.json["decks"] as? [String] ?? []
        #expect(ids.count == 1 && ids[0].hasPrefix("media-pictures-"), "\(ids)")
        let id = try #require(ids.first)

        let deck = URL(fileURLWithPath: home.path + "/decks/" + id)
        for name in [image, audio] {
            let copied = try Data(contentsOf: deck.appendingPathComponent("media/" + name))
            #expect(copied == (try Data(contentsOf: expected.appendingPathComponent(name))), "\(name)")
        }
        let shown = try RecallProcess.run(["show", id + "/media-note", "--json"], home: home.path)
        #expect(shown.status == 0, "\(shown.stderr)")
        let back = shown.json["back"] as? String ?? ""
        #expect(back.contains("](media/graph%20of%20a%20curve.png)"), "\(back)")
        #expect(back.contains("[pronunciation.mp3](media/pronunciation.mp3)"), "\(back)")
        #expect(shown.json["front"] as? String == "What does the curve show?")
        let decks = try RecallProcess.run(["decks", "--json"], home: home.path)
        #expect((decks.json["decks"] as? [[String: Any]])?.first?["title"] as? String == "Media/Pictures")
    }

    @Test("a Recall export with an image opens in Anki with the image in its media folder, and in Recall where it was")
    func exportCarriesImage() throws {
        let home = try TemporaryFolder("recall-home")
        let decks = try TemporaryFolder("recall-decks")
        let work = try TemporaryFolder("anki-work")
        defer { home.remove(); decks.remove(); work.remove() }
        let picture = (0..<3_000).map { UInt8(($0 * 7) % 256) }
        try decks.write("d/deck.yaml", "deck: d\ntitle: Pictures\n")
        _ = try decks.write("d/img/curve plot.png", bytes: picture)
        _ = try decks.write("d/outside.png", bytes: [1, 2, 3])
        try decks.write(
            "d/cards.md",
            """
            ## Which curve is this? {#curve}

            The forgetting curve.

            ![the curve](img/curve%20plot.png)

            ## A reference that leaves the deck {#escape}

            ![secret](../../../etc/passwd)

            """)
        #expect(try RecallProcess.run(["import", decks.path + "/d"], home: home.path).status == 0)
        let package = work.path + "/pictures.apkg"
        let export = try RecallProcess.run(["export", "--apkg", package, "--json"], home: home.path)
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.json["media"] as? Int == 1)

        let anki = try Interop.run("anki_open.py", [try Interop.collectionFolder(work, "a"), package], in: work)
        let media = anki["media"] as? [String: String] ?? [:]
        #expect(Array(media.keys) == ["curve plot.png"], "\(media.keys)")
        #expect(media["curve plot.png"] == picture.map { String(format: "%02x", $0) }.joined())
        let notes = anki["notes"] as? [[String: Any]] ?? []
        let curve = notes.first { $0["guid"] as? String == "d/curve" }?["fields"] as? [String] ?? []
        #expect(curve.last?.contains("src=\"curve plot.png\"") == true, "\(curve)")
        let escape = notes.first { $0["guid"] as? String == "d/escape" }?["fields"] as? [String] ?? []
        #expect(escape.last?.contains("../../../etc/passwd") == true, "left as it was: \(escape)")

        // Back into another notebook: the kept Markdown points at img/, and the file is there.
        let other = try TemporaryFolder("recall-home")
        defer { other.remove() }
        let imported = try RecallProcess.run(["import", package, "--json"], home: other.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let copy = try Data(contentsOf: URL(fileURLWithPath: other.path + "/decks/d/img/curve plot.png"))
        #expect(copy == Data(picture))
        let shown = try RecallProcess.run(["show", "d/curve", "--json"], home: other.path)
        #expect((shown.json["back"] as? String)?.contains("![the curve](img/curve%20plot.png)") == true)
        #expect(!FileManager.default.fileExists(atPath: other.path + "/decks/etc"))
    }

    @Test(
        "hostile packages of today's format: a clear error, nothing imported",
        arguments: ["bomb", "dotdot", "badproto"])
    func hostile(kind: String) throws {
        let home = try TemporaryFolder("recall-home")
        let work = try TemporaryFolder("anki-work")
        defer { home.remove(); work.remove() }
        let (package, _, _) = try Self.build(work)
        let hostile = work.path + "/\(kind).apkg"
        try Interop.run("anki_hostile.py", [package, hostile, kind], in: work)
        let result = try RecallProcess.run(["import", hostile], home: home.path)
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains(hostile), "\(result.stderr)")
        let message = [
            "bomb": "collection.anki21b expands to more than the 512 MiB Recall accepts for a collection",
            "dotdot": "names a media file \"../x\", which is not a plain file name",
            "badproto": "its media map is malformed",
        ][kind]!
        #expect(result.stderr.contains(message), "\(result.stderr)")
        let decks = try RecallProcess.run(["decks", "--json"], home: home.path)
        #expect((decks.json["decks"] as? [Any])?.isEmpty == true)
        let written = (try? FileManager.default.contentsOfDirectory(atPath: home.path + "/decks")) ?? []
        #expect(written.isEmpty, "\(written)")
        #expect(!FileManager.default.fileExists(atPath: work.path + "/x"))
    }
}
