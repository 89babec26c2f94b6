import Foundation
import Notebook
import RecallCore
import RecallTestSupport
import Testing

@Suite("Bundled decks")
struct BundledDeckTests {
    static let decks = RecallProcess.repositoryRoot.appendingPathComponent("Decks")

    @Test("Decks/ imports into a fresh notebook with no error, unique ids and every card filled in")
    func importsCleanly() throws {
        let t = try TestNotebook()
        let copy = t.decks.url.appendingPathComponent("Decks")
        try FileManager.default.copyItem(at: Self.decks, to: copy)
        let report = try t.notebook.importDecks([copy], writeIDs: false)
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.idsWritten == 0)
        let keys = try t.notebook.cards()
        #expect(Set(keys).count == keys.count)
        let llm = keys.filter { $0.deck == "llm-interview" }
        #expect(llm.count >= 180, "\(llm.count) LLM cards")
        #expect(keys.filter { $0.deck == "coding" }.count >= 65)
        for key in keys {
            let card = try t.notebook.show(key).card
            #expect(!card.front.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(key)")
            #expect(!card.back.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(key)")
        }
    }

    @Test("day one after `make run`'s import: new cards from every deck in turn, at most 3 coding exercises")
    func firstDay() throws {
        let home = try TemporaryFolder("bundled-home")
        let decks = try TemporaryFolder("bundled-decks")
        defer { home.remove(); decks.remove() }
        let copy = decks.url.appendingPathComponent("Decks")
        try FileManager.default.copyItem(at: Self.decks, to: copy)
        let imported = try RecallProcess.run(["import", copy.path], home: home.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let due = try RecallProcess.run(["due", "--json"], home: home.path)
        #expect(due.status == 0, "\(due.stderr)")
        let cards = (due.json["cards"] as? [[String: Any]] ?? []).compactMap { $0["card"] as? String }
        let decksOfCards = cards.map { $0.split(separator: "/").first.map(String.init) ?? "" }
        #expect(cards.count == 20, "\(cards)")
        #expect(decksOfCards.filter { $0 == "coding" }.count == 3, "\(cards)")
        #expect(decksOfCards.filter { $0 == "llm-interview" }.count >= 10, "\(cards)")
        // Interleaved: the first three cards come from three different decks.
        #expect(Set(decksOfCards.prefix(3)).count == 3, "\(cards)")
    }

    @Test("every card named in COVERAGE.md exists, and every LLM card is in it")
    func coverage() throws {
        let t = try TestNotebook()
        _ = try t.notebook.importDecks([Self.decks], writeIDs: false)
        let text = try String(
            contentsOf: Self.decks.appendingPathComponent("llm-interview/COVERAGE.md"), encoding: .utf8)
        let named = Set(
            text.matches(of: /(llm-interview|coding)\/([a-z0-9-]+)/).map {
                CardKey(deck: String($0.1), id: String($0.2))
            })
        #expect(named.count >= 90)
        let existing = Set(try t.notebook.cards())
        #expect(named.subtracting(existing).isEmpty, "missing: \(named.subtracting(existing))")
        let llm = existing.filter { $0.deck == "llm-interview" }
        #expect(llm.subtracting(named).isEmpty, "not covered: \(llm.subtracting(named))")
        // Every seed file has rows.
        for seed in ["000_", "001_", "002_", "003_", "004_"] { #expect(text.contains(seed)) }
    }

    @Test(
        "search finds LLM cards by Chinese and English terms", arguments: ["位置编码", "LoRA", "KV Cache", "注意力", "RoPE"])
    func search(term: String) throws {
        let t = try TestNotebook()
        _ = try t.notebook.importDecks([Self.decks], writeIDs: false)
        let hits = try t.notebook.search(term)
        #expect(!hits.isEmpty, "\(term)")
        #expect(hits.contains { $0.card.deck == "llm-interview" }, "\(term)")
    }

    @Test("LLM cards are atomic: median answer ≤ 220 characters, none over 600, no table wider than 80 columns")
    func atomicAnswers() throws {
        let t = try TestNotebook()
        _ = try t.notebook.importDecks([Self.decks], writeIDs: false)
        let keys = try t.notebook.cards().filter { $0.deck == "llm-interview" }
        var lengths: [Int] = []
        for key in keys {
            let back = try t.notebook.show(key).card.back.trimmingCharacters(in: .whitespacesAndNewlines)
            lengths.append(back.count)
            #expect(back.count <= 600, "\(key): \(back.count) characters")
            for line in back.split(separator: "\n") where line.hasPrefix("|") {
                #expect(Self.columns(line) <= 80, "\(key): a table line \(Self.columns(line)) columns wide")
            }
        }
        let median = lengths.sorted()[lengths.count / 2]
        #expect(median <= 220, "median answer \(median) characters")
    }

    /// Display columns of a line: East Asian wide and full-width characters take two.
    static func columns(_ line: Substring) -> Int {
        line.unicodeScalars.reduce(0) { total, scalar in
            let wide: [ClosedRange<UInt32>] = [
                0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                0xFFE0...0xFFE6, 0x20000...0x3FFFD,
            ]
            return total + (wide.contains { $0.contains(scalar.value) } ? 2 : 1)
        }
    }
}
