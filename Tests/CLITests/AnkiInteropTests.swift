import Foundation
import RecallTestSupport
import Testing

/// Runs the interop scripts in Tests/Interop with the Python environment `make venv` builds
/// (Anki's own library and genanki, pinned in Benchmarks/requirements.txt).
enum Interop {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static var python: URL { RecallProcess.repositoryRoot.appendingPathComponent(".build/venv/bin/python") }

    /// Runs `Tests/Interop/<script>` and parses the JSON object it prints.
    @discardableResult
    static func run(_ script: String, _ arguments: [String], in folder: TemporaryFolder) throws -> [String: Any] {
        guard FileManager.default.isExecutableFile(atPath: python.path) else {
            throw Failure(
                description:
                    "no Python environment with Anki's library at \(python.path): run `make venv` (make test does it)")
        }
        let process = Process()
        process.executableURL = python
        process.arguments =
            [RecallProcess.repositoryRoot.appendingPathComponent("Tests/Interop/\(script)").path] + arguments
        process.currentDirectoryURL = folder.url
        // Anki's days and Recall's (RecallProcess sets TZ=UTC) must be counted in the same zone.
        process.environment = ProcessInfo.processInfo.environment.merging(["TZ": "UTC"]) { $1 }
        let errors = folder.url.appendingPathComponent("\(script).stderr")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        let out = Pipe()
        process.standardOutput = out
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            let message = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            throw Failure(description: "\(script) failed (\(process.terminationStatus)): \(message)")
        }
        guard let object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw Failure(description: "\(script) printed no JSON object")
        }
        return object
    }

    /// A fresh empty folder inside `folder`, for one Anki collection.
    static func collectionFolder(_ folder: TemporaryFolder, _ name: String) throws -> String {
        let url = folder.url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url.path
    }
}

/// A notebook with one deck of three cards and some history, for export tests.
func homeWithHistory() throws -> (home: TemporaryFolder, decks: TemporaryFolder) {
    let home = try TemporaryFolder("recall-home")
    let decks = try TemporaryFolder("recall-decks")
    try decks.write("d/deck.yaml", "deck: d\ntitle: Interview/LLM\n")
    try decks.write(
        "d/cards.md",
        """
        ## What is **RoPE**? {#rope}
        tags: llm, position

        Rotary position embedding: rotates *query* and *key* vectors.

        - by an angle `θ·pos`
        - relative positions fall out of the dot product

        ## 什么是 LoRA？ {#lora}
        tags: llm

        Low-rank adaptation: train `A·B` beside the frozen weights.

        ```python
        h = W @ x + B @ (A @ x)
        ```

        ## Plain question {#plain}
        Plain answer.

        """)
    #expect(try RecallProcess.run(["import", decks.path + "/d"], home: home.path).status == 0)
    // Day 1: a failed RoPE with a re-drill, a perfect LoRA; day 2: RoPE again; day 3: LoRA.
    for (card, grade, now) in [
        ("d/rope", "2", "2026-11-01T09:00:00Z"), ("d/rope", "4", "2026-11-01T09:05:00Z"),
        ("d/lora", "5", "2026-11-01T09:06:00Z"), ("d/rope", "5", "2026-11-02T09:00:00Z"),
        ("d/lora", "3", "2026-11-03T09:00:00Z"),
    ] {
        let answer = try RecallProcess.run(
            ["answer", card, grade, "--time-ms", "4000"], home: home.path, now: now)
        #expect(answer.status == 0, "\(answer.stderr)")
    }
    return (home, decks)
}

@Suite("Anki interop (Anki's own library)", .serialized)
struct AnkiInteropTests {
    @Test("a package from `recall export` opens in Anki with its notes, guids, fields, tags and revlog")
    func exportOpensInAnki() throws {
        let (home, decks) = try homeWithHistory()
        let work = try TemporaryFolder("anki-work")
        defer { home.remove(); decks.remove(); work.remove() }
        let package = work.path + "/first.apkg"
        let export = try RecallProcess.run(
            ["export", "--apkg", package, "--json"], home: home.path, now: "2026-11-05T10:00:00Z")
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.json["notes"] as? Int == 3)
        #expect(export.json["reviews"] as? Int == 5)

        let anki = try Interop.run("anki_open.py", [try Interop.collectionFolder(work, "a"), package], in: work)
        let notes = anki["notes"] as? [[String: Any]] ?? []
        let byGuid = Dictionary(uniqueKeysWithValues: notes.map { ($0["guid"] as? String ?? "", $0) })
        #expect(notes.count == 3)
        #expect(Set(byGuid.keys) == ["d/rope", "d/lora", "d/plain"])
        let rope = byGuid["d/rope"] ?? [:]
        let fields = rope["fields"] as? [String] ?? []
        #expect(fields.first == "What is <strong>RoPE</strong>?")
        #expect(fields.last?.contains("<li>by an angle <code>θ·pos</code></li>") == true, "\(fields)")
        #expect(rope["tags"] as? [String] == ["llm", "position"])
        #expect(rope["notetype"] as? String == "Recall (Front/Back)")
        let ropeCard = (rope["cards"] as? [[String: Any]])?.first ?? [:]
        #expect(ropeCard["deck"] as? String == "Interview::LLM")
        // RoPE after grades 2, (4 drill), 5: repetitions 1, interval 1, EF 2.60, due 2026-11-03 —
        // two days before the day of the import into Anki.
        #expect(ropeCard["type"] as? Int == 2)
        #expect(ropeCard["ivl"] as? Int == 1)
        #expect(ropeCard["factor"] as? Int == 2600)
        #expect(ropeCard["reps"] as? Int == 2)
        // Anki moves review due days from the package's day count to its own: the card stays due on
        // 2026-11-03, however many days ago that is on this machine's clock (±1 for rollover hours).
        let dueDay = 1_793_664_000 / 86_400  // 2026-11-03, in days since 1970
        let today = Int(Date().timeIntervalSince1970 / 86_400)
        let dueIn = ropeCard["due_in_days"] as? Int ?? Int.min
        #expect(abs(dueIn - (dueDay - today)) <= 1, "due in \(dueIn) days")
        let plainCard = ((byGuid["d/plain"]?["cards"]) as? [[String: Any]])?.first ?? [:]
        #expect(plainCard["type"] as? Int == 0)
        let lora = byGuid["d/lora"]?["fields"] as? [String] ?? []
        #expect(lora.first == "什么是 LoRA？")

        let revlog = anki["revlog"] as? [[String: Any]] ?? []
        func eases(_ guid: String) -> [Int] {
            revlog.filter { $0["guid"] as? String == guid }.compactMap { $0["ease"] as? Int }
        }
        #expect(revlog.count == 5)
        #expect(eases("d/rope") == [1, 3, 4])  // grades 2, 4, 5
        #expect(eases("d/lora") == [4, 2])  // grades 5, 3
        #expect(revlog.allSatisfy { $0["time"] as? Int == 4000 })
        let ropeIntervals = revlog.filter { $0["guid"] as? String == "d/rope" }.compactMap { $0["ivl"] as? Int }
        #expect(ropeIntervals == [1, 1, 1])

        // Edit a card, answer it, export again: importing the new package into the same Anki
        // collection updates the note instead of adding one. Anki leaves the schedule and history of
        // cards it already has alone (its importer adds revlog rows only for cards it adds), so the
        // new review stays behind and nothing is duplicated.
        try decks.write(
            "d/cards.md",
            try decks.read("d/cards.md").replacingOccurrences(of: "Plain answer.", with: "Plain answer, edited."))
        // A day after the first import: the note's modification time is when its text changed.
        let edited = try RecallProcess.run(["import", decks.path + "/d"], home: home.path, now: "2026-11-24T10:00:00Z")
        #expect(edited.status == 0)
        #expect(
            try RecallProcess.run(["answer", "d/plain", "4"], home: home.path, now: "2026-11-06T09:00:00Z").status == 0)
        let second = work.path + "/second.apkg"
        #expect(
            try RecallProcess.run(["export", "--apkg", second], home: home.path, now: "2026-11-06T10:00:00Z").status
                == 0)
        let again = try Interop.run(
            "anki_open.py", [try Interop.collectionFolder(work, "b"), package, second], in: work)
        let imports = again["imports"] as? [[String: Any]] ?? []
        #expect(imports.last?["new"] as? Int == 0)
        #expect((imports.last?["updated"] as? Int ?? 0) >= 1)
        let notesAgain = again["notes"] as? [[String: Any]] ?? []
        #expect(notesAgain.count == 3)
        let plain = notesAgain.first { $0["guid"] as? String == "d/plain" }
        // The answer's HTML, then the card's Markdown in a comment Anki does not show.
        #expect((plain?["fields"] as? [String])?.last?.hasPrefix("Plain answer, edited.\n<!--recall:") == true)
        let revlogAgain = again["revlog"] as? [[String: Any]] ?? []
        #expect(revlogAgain.count == 5)
        #expect(Set(revlogAgain.compactMap { $0["id"] as? Int }).count == 5)
        // The same package into a collection that lacks the card brings that review along.
        let fresh = try Interop.run("anki_open.py", [try Interop.collectionFolder(work, "c"), second], in: work)
        let freshLog = fresh["revlog"] as? [[String: Any]] ?? []
        #expect(freshLog.count == 6)
        #expect(freshLog.filter { $0["guid"] as? String == "d/plain" }.compactMap { $0["ease"] as? Int } == [3])
    }

    @Test("a package built with genanki imports with the right cards, and again changes nothing")
    func genankiPackage() throws {
        let home = try TemporaryFolder("recall-home")
        let work = try TemporaryFolder("anki-work")
        defer { home.remove(); work.remove() }
        let package = work.path + "/genanki.apkg"
        try Interop.run("genanki_build.py", [package], in: work)
        #expect(FileManager.default.fileExists(atPath: package), "genanki did not write the package")

        let imported = try RecallProcess.run(["import", package, "--json"], home: home.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.json["added"] as? Int == 6)
        let info = (imported.json["packages"] as? [[String: Any]])?.first ?? [:]
        // The deck's name as an id, and a hash of its Anki id (issue 18, point 7).
        let deck = (info["decks"] as? [String])?.first ?? ""
        #expect((info["decks"] as? [String])?.count == 1 && deck.hasPrefix("genanki-test-"), "\(info)")
        #expect(info["notes"] as? Int == 4)

        func show(_ card: String) throws -> [String: Any] {
            let result = try RecallProcess.run(["show", card, "--json"], home: home.path)
            #expect(result.status == 0, "\(card): \(result.stderr)")
            return result.json
        }
        let basic = try show("\(deck)/capital-france")
        #expect(basic["front"] as? String == "What is the capital of **France**?")
        #expect(basic["back"] as? String == "Paris\\\n(since 508)")
        #expect(basic["tags"] as? [String] == ["geography", "europe"])
        // Basic and reversed: a card for each side.
        let reversed = try show("\(deck)/chat-cat")
        #expect(reversed["front"] as? String == "chat")
        #expect(reversed["back"] as? String == "cat (French)")
        let reverse = try show("\(deck)/chat-cat-t2")
        #expect(reverse["front"] as? String == "cat (French)")
        #expect(reverse["back"] as? String == "chat")
        // Cloze: one card per cloze number, the blank in the question, the full text and the extra as answer.
        let first = try show("\(deck)/cloze-canberra-c1")
        #expect(first["front"] as? String == "[...] is the capital of Australia")
        #expect(first["back"] as? String == "Canberra is the capital of Australia\n\nNot Sydney.")
        let secondCloze = try show("\(deck)/cloze-canberra-c2")
        #expect(secondCloze["front"] as? String == "Canberra is the capital of [...]")
        // genanki's own guid is no Recall id: the card gets a stable one made from it.
        let search = try RecallProcess.run(["search", "quicksort", "--json"], home: home.path)
        let hit = (search.json["cards"] as? [[String: Any]])?.first?["card"] as? String ?? ""
        #expect(hit.hasPrefix("\(deck)/anki-"), "\(search.stdout)")
        let list = try show(hit)
        #expect(list["back"] as? String == "- quicksort\n- merge sort")

        let again = try RecallProcess.run(["import", package, "--json"], home: home.path)
        #expect(again.json["added"] as? Int == 0)
        #expect(again.json["updated"] as? Int == 0)
        #expect(again.json["unchanged"] as? Int == 6)
    }

    @Test(
        "a package exported by Anki with reviews answered in Anki imports with the right events",
        arguments: ["apkg", "colpkg", "modern"])
    func ankiExportedPackage(format: String) throws {
        let home = try TemporaryFolder("recall-home")
        let work = try TemporaryFolder("anki-work")
        defer { home.remove(); work.remove() }
        // "modern": an .apkg in Anki's current format (collection.anki21b, zstd, schema 18).
        let package = work.path + "/anki.\(format == "colpkg" ? "colpkg" : "apkg")"
        let flags = ["apkg": [], "colpkg": ["--colpkg"], "modern": ["--modern"]][format] ?? []
        let built = try Interop.run(
            "anki_build.py", [try Interop.collectionFolder(work, "c"), package] + flags, in: work)
        let reviews = built["reviews"] as? [String: [[String: Any]]] ?? [:]
        #expect(!reviews.isEmpty)

        let imported = try RecallProcess.run(["import", package, "--json"], home: home.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let info = (imported.json["packages"] as? [[String: Any]])?.first ?? [:]
        let total = reviews.values.map(\.count).reduce(0, +)
        #expect(info["reviews_added"] as? Int == total)
        #expect(info["media_imported"] as? Int == 1)
        let deck = (info["decks"] as? [String])?.first ?? ""

        // Ease 1 Again → 1, 2 Hard → 3, 3 Good → 4, 4 Easy → 5; the first answer of a study day
        // is the review, later ones that day are drills.
        let grades = [1: 1, 2: 3, 3: 4, 4: 5]
        var expected: [String: [(grade: Int, day: Int)]] = [:]
        for (guid, rows) in reviews {
            for row in rows {
                let id = row["id"] as? Int ?? 0
                let card =
                    guid == "anki-made-basic"
                    ? "\(deck)/anki-made-basic" : "\(deck)/\(guid)-c\((row["ord"] as? Int ?? 0) + 1)"
                let day = (id / 1000 - 4 * 3600) / 86_400
                expected[card, default: []].append((grades[row["ease"] as? Int ?? 0] ?? -1, day))
            }
        }
        for (card, events) in expected {
            let shown = try RecallProcess.run(["show", card, "--json"], home: home.path)
            #expect(shown.status == 0, "\(card): \(shown.stderr)")
            let history = shown.json["history"] as? [[String: Any]] ?? []
            #expect(history.compactMap { $0["grade"] as? Int } == events.map(\.grade), "\(card)")
            var seen = Set<Int>()
            let kinds = events.map { seen.insert($0.day).inserted ? "review" : "drill" }
            #expect(history.compactMap { $0["kind"] as? String } == kinds, "\(card)")
            #expect(!(shown.json["state"] is NSNull), "\(card) has a schedule")
        }
        let basic = try RecallProcess.run(["show", "\(deck)/anki-made-basic", "--json"], home: home.path)
        #expect(basic.json["front"] as? String == "What does *SM-2* stand for?")
        #expect(basic.json["tags"] as? [String] == ["algorithms"])
        #expect(basic.json["back"] as? String == "SuperMemo 2\\\n![diagram](media/sm2.png)")

        let again = try RecallProcess.run(["import", package, "--json"], home: home.path)
        let infoAgain = (again.json["packages"] as? [[String: Any]])?.first ?? [:]
        #expect(infoAgain["reviews_added"] as? Int == 0)
        #expect(again.json["added"] as? Int == 0)
    }

    @Test("export → import into another notebook round-trips text, tags, schedule and history exactly")
    func roundTrip() throws {
        let (home, decks) = try homeWithHistory()
        let other = try TemporaryFolder("recall-home")
        let work = try TemporaryFolder("anki-work")
        defer { home.remove(); decks.remove(); other.remove(); work.remove() }
        let package = work.path + "/round.apkg"
        #expect(try RecallProcess.run(["export", "--apkg", package], home: home.path).status == 0)
        let imported = try RecallProcess.run(["import", package, "--json"], home: other.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.json["decks"] as? [String] == ["d"])
        for card in ["d/rope", "d/lora", "d/plain"] {
            let original = try RecallProcess.run(["show", card, "--json"], home: home.path).json
            let copy = try RecallProcess.run(["show", card, "--json"], home: other.path).json
            for key in ["front", "back", "tags", "kind", "removed"] {
                #expect("\(original[key] ?? "none")" == "\(copy[key] ?? "none")", "\(card).\(key)")
            }
            #expect(original["state"] as? NSObject == copy["state"] as? NSObject, "\(card).state")
            #expect(original["history"] as? NSObject == copy["history"] as? NSObject, "\(card).history")
        }
        let decksList = try RecallProcess.run(["decks", "--json"], home: other.path)
        #expect((decksList.json["decks"] as? [[String: Any]])?.first?["title"] as? String == "Interview/LLM")

        // Importing the notebook's own export back: the cards belong to their deck files, so only
        // reviews could be added, and they are all there already.
        let own = try RecallProcess.run(["import", package, "--json"], home: home.path)
        #expect(own.status == 0, "\(own.stderr)")
        let info = (own.json["packages"] as? [[String: Any]])?.first ?? [:]
        #expect(info["matched_existing"] as? Int == 3)
        #expect(info["reviews_added"] as? Int == 0)
        let rope = try RecallProcess.run(["show", "d/rope", "--json"], home: home.path)
        #expect((rope.json["history"] as? [Any])?.count == 3)
        #expect(rope.json["file"] as? String == decks.path + "/d/cards.md")
    }

    @Test(
        "the bundled decks go Recall → Anki (its own library: import, export) → Recall with every card byte-identical")
    func bundledDecksThroughAnki() throws {
        let home = try TemporaryFolder("recall-home")
        let other = try TemporaryFolder("recall-home")
        let work = try TemporaryFolder("anki-work")
        defer { home.remove(); other.remove(); work.remove() }
        let copy = work.url.appendingPathComponent("Decks")
        try FileManager.default.copyItem(
            at: RecallProcess.repositoryRoot.appendingPathComponent("Decks"), to: copy)
        #expect(try RecallProcess.run(["import", copy.path], home: home.path).status == 0)
        let exported = work.path + "/all.apkg"
        #expect(try RecallProcess.run(["export", "--apkg", exported], home: home.path).status == 0)
        let throughAnki = work.path + "/from-anki.apkg"
        let anki = try Interop.run(
            "anki_reexport.py", [try Interop.collectionFolder(work, "c"), exported, throughAnki], in: work)

        let imported = try RecallProcess.run(["import", throughAnki, "--json"], home: other.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let cards = try RecallProcess.run(["cards", "--json"], home: home.path).json["cards"] as? [[String: Any]] ?? []
        let keys = cards.compactMap { $0["card"] as? String }
        #expect(anki["notes"] as? Int == keys.count)
        #expect(keys.contains("coding/two-sum"))
        for key in keys {
            let original = try RecallProcess.run(["show", key, "--json"], home: home.path).json
            let copy = try RecallProcess.run(["show", key, "--json"], home: other.path).json
            for field in ["front", "back", "kind", "tags"] {
                #expect("\(original[field] ?? "none")" == "\(copy[field] ?? "none")", "\(key).\(field)")
            }
        }
    }

    @Test("bad packages: a clear message naming the file, exit 1, nothing imported")
    func badPackages() throws {
        let home = try TemporaryFolder("recall-home")
        let work = try TemporaryFolder("anki-work")
        defer { home.remove(); work.remove() }
        let odd = work.path + "/odd.apkg"
        try Interop.run("anki_build.py", [try Interop.collectionFolder(work, "odd"), odd, "--unknown-type"], in: work)
        let text = try work.write("text.apkg", "this is not a zip file")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: odd))
        let truncated = try work.write("truncated.apkg", bytes: Array(bytes.prefix(bytes.count - 100)))

        for (path, message) in [
            (odd, "cannot map these note types to question and answer: 'Only One Field' (fields Word; 1 note(s))"),
            (text.path, "is not a readable zip archive"),
            (truncated.path, "is not a readable zip archive"),
        ] {
            let result = try RecallProcess.run(["import", path], home: home.path)
            #expect(result.status == 1, "\(path): \(result.stderr)")
            #expect(result.stderr.contains(path), "\(result.stderr)")
            #expect(result.stderr.contains(message), "\(result.stderr)")
        }
        let decks = try RecallProcess.run(["decks", "--json"], home: home.path)
        #expect((decks.json["decks"] as? [Any])?.isEmpty == true)
        let written = (try? FileManager.default.contentsOfDirectory(atPath: home.path + "/decks")) ?? []
        #expect(written.isEmpty, "\(written)")
    }

    @Test("export errors: an unknown deck, a folder that does not exist")
    func exportErrors() throws {
        let (home, decks) = try homeWithHistory()
        defer { home.remove(); decks.remove() }
        let unknown = try RecallProcess.run(
            ["export", "--apkg", home.path + "/x.apkg", "--deck", "nope"], home: home.path)
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("unknown deck 'nope'"))
        let nowhere = try RecallProcess.run(["export", "--apkg", "/no/such/folder/x.apkg"], home: home.path)
        #expect(nowhere.status == 1)
        #expect(nowhere.stderr.contains("cannot write the Anki package /no/such/folder/x.apkg"))
        let usage = try RecallProcess.run(["export"], home: home.path)
        #expect(usage.status == 2)
    }

    @Test("a nested cloze is the cards Anki makes of it: the outer one hides all it holds")
    func nestedCloze() throws {
        let home = try TemporaryFolder("recall-home")
        let work = try TemporaryFolder("anki-work")
        defer { home.remove(); work.remove() }
        let package = work.path + "/nested.apkg"
        let built = try Interop.run(
            "anki_build.py", [try Interop.collectionFolder(work, "n"), package, "--nested-cloze"], in: work)
        let ankiCards = (built["cards"] as? [String: [Int]])?["anki-made-nested"] ?? []
        #expect(ankiCards == [0, 1], "Anki's own cards for the note: \(built)")
        let imported = try RecallProcess.run(["import", package, "--json"], home: home.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let deck = ((imported.json["packages"] as? [[String: Any]])?.first?["decks"] as? [String])?.first ?? ""
        var fronts: [String] = []
        for ord in ankiCards {
            let shown = try RecallProcess.run(
                ["show", "\(deck)/anki-made-nested-c\(ord + 1)", "--json"], home: home.path)
            #expect(shown.status == 0, "\(shown.stderr)")
            fronts.append(shown.json["front"] as? String ?? "")
            #expect((shown.json["back"] as? String ?? "").contains("A outer inner part end"), "\(shown.stdout)")
        }
        #expect(fronts == ["A [...] end", "A outer [...] part end"])
    }
}
