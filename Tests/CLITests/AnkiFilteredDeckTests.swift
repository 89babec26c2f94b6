import Foundation
import RecallTestSupport
import Testing

/// Cards Anki has moved into a filtered deck, imported from the packages Anki makes of them
/// (issue 18: schedules kept exactly).
@Suite("Anki interop: filtered decks", .serialized)
struct AnkiFilteredDeckTests {
    /// The packages anki_filtered.py writes: every one keeps the filtered deck and its cards
    /// (`did` the filtered deck, `odid` and `odue` their home), as Anki 26.9 exports them.
    static let packages = ["studied.colpkg", "studied-legacy.colpkg", "studied.apkg"]

    @Test(
        "a card in an Anki filtered deck is imported into its home deck with its home schedule, from a .colpkg of either generation and an .apkg; no deck is made of the filtered one; exported, Anki reads it back there with the same schedule"
    )
    func filteredCardsGoHome() throws {
        let work = try TemporaryFolder("anki-work")
        defer { work.remove() }
        let built = try Interop.run(
            "anki_filtered.py", [try Interop.collectionFolder(work, "original"), work.path + "/studied"], in: work)
        let cards = built["cards"] as? [[String: Any]] ?? []
        let filteredDeck = built["filtered_deck"] as? String ?? "?"
        #expect(cards.count == 9)
        // Both kinds are there: review cards in the filtered deck, and review cards left home.
        let moved = cards.filter { $0["in_filtered"] as? String == filteredDeck }
        #expect(moved.count >= 3 && moved.count < cards.count, "\(cards)")
        #expect(cards.allSatisfy { $0["type"] as? Int == 2 }, "\(cards)")
        let byGuid = Dictionary(cards.map { ($0["guid"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })

        for package in Self.packages {
            let home = try TemporaryFolder("recall-home")
            defer { home.remove() }
            // Recall's clock is the real one here, as Anki's is.
            let imported = try RecallProcess.run(["import", work.path + "/" + package, "--json"], home: home.path)
            #expect(imported.status == 0, "\(package): \(imported.stderr)")
            let info = (imported.json["packages"] as? [[String: Any]])?.first ?? [:]
            #expect((info["skipped"] as? [String: Int] ?? [:]).isEmpty, "\(package): \(info)")
            let decks = info["decks"] as? [String] ?? []
            #expect(decks.count == 3, "\(package): \(decks)")
            #expect(!decks.contains { $0.hasPrefix("cram") }, "\(package): \(decks)")

            let listed = try RecallProcess.run(["cards", "--json"], home: home.path)
            let recallCards = listed.json["cards"] as? [[String: Any]] ?? []
            #expect(recallCards.count == cards.count, "\(package)")
            let recallDecks = try RecallProcess.run(["decks", "--json"], home: home.path)
            let titles = Self.deckTitles(recallDecks.json)
            for card in recallCards {
                let key = card["card"] as? String ?? "?"
                let parts = key.split(separator: "/", maxSplits: 1).map(String.init)
                guard parts.count == 2, let anki = byGuid[parts[1]] else {
                    Issue.record("\(package): \(key) is no card of the Anki collection")
                    continue
                }
                let ankiDeck = (anki["deck"] as? String ?? "").replacingOccurrences(of: "::", with: "/")
                #expect(titles[parts[0]] == ankiDeck, "\(package) \(key): deck \(titles[parts[0]] ?? "nil")")
                #expect(card["due"] as? String == anki["due_date"] as? String, "\(package) \(key): due")
                #expect(card["interval"] as? Int == anki["ivl"] as? Int, "\(package) \(key): interval")
                let ease = card["ease"] as? Double ?? 0
                #expect(Int((ease * 1000).rounded()) == anki["factor"] as? Int, "\(package) \(key): ease \(ease)")
                #expect(card["lapses"] as? Int == anki["lapses"] as? Int, "\(package) \(key): lapses")
            }

            // Back to Anki: every card in its home deck, due the same day, with the same schedule.
            let exported = work.path + "/from-recall-\(package).apkg"
            let export = try RecallProcess.run(["export", "--apkg", exported], home: home.path)
            #expect(export.status == 0, "\(package): \(export.stderr)")
            let final = try Interop.run(
                "anki_notes.py", [try Interop.collectionFolder(work, "final-\(package)"), exported], in: work)
            let notes = AnkiStateInteropTests.notes(final)
            #expect(notes.count == cards.count, "\(package)")
            for (guid, anki) in byGuid {
                let back = (notes[guid]?["cards"] as? [[String: Any]])?.first ?? [:]
                for field in ["deck", "type", "queue", "due_in_days", "ivl", "factor", "lapses"] {
                    #expect("\(back[field] ?? "nil")" == "\(anki[field] ?? "nil")", "\(package) \(guid) \(field)")
                }
            }
        }
    }

    /// `recall decks --json`'s titles by deck id.
    static func deckTitles(_ printed: [String: Any]) -> [String: String] {
        var titles: [String: String] = [:]
        for deck in printed["decks"] as? [[String: Any]] ?? [] {
            if let id = deck["deck"] as? String { titles[id] = deck["title"] as? String }
        }
        return titles
    }
}
