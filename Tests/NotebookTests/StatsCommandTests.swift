import Foundation
import RecallTestSupport
import Testing

@Suite("Stats command")
struct StatsCommandTests {
    @Test("text fits COLUMNS, has no colour under NO_COLOR or a pipe; --json has every section")
    func textAndJSON() throws {
        let home = try TemporaryFolder("recall-stats-home")
        defer { home.remove() }
        let decks = try TemporaryFolder("recall-stats-decks")
        defer { decks.remove() }
        try decks.write("d/deck.yaml", "deck: d\ntitle: D\n")
        try decks.write("d/a.md", (0..<6).map { "## Card \($0) {#c\($0)}\nback\n" }.joined(separator: "\n"))
        #expect(try RecallProcess.run(["import", decks.url.path], home: home.path).status == 0)
        for (day, grade) in [("2026-11-20", "5"), ("2026-11-21", "1"), ("2026-11-22", "4"), ("2026-11-23", "2")] {
            let due = try RecallProcess.run(["due", "--json"], home: home.path, now: "\(day)T10:00:00Z")
            let cards = (due.json["cards"] as? [[String: Any]] ?? []).compactMap { $0["card"] as? String }
            for card in cards.prefix(3) {
                _ = try RecallProcess.run(["answer", card, grade], home: home.path, now: "\(day)T10:00:00Z")
            }
        }
        for columns in [40, 80, 120] {
            let text = try RecallProcess.run(["stats"], home: home.path, environment: ["COLUMNS": "\(columns)"])
            #expect(text.status == 0, "\(text.stderr)")
            #expect(!text.stdout.contains("\u{1B}"))
            for line in text.stdout.split(separator: "\n") {
                #expect(line.count <= columns, "too wide for \(columns): \(line)")
            }
            #expect(text.stdout.contains("streak 4,"))
        }
        let piped = try RecallProcess.run(["stats"], home: home.path, environment: ["NO_COLOR": ""])
        #expect(!piped.stdout.contains("\u{1B}"))  // stdout is a pipe here

        let json = try RecallProcess.run(["stats", "--json", "--days", "7"], home: home.path)
        #expect(json.status == 0)
        for key in [
            "today", "forecast", "calendar", "currentStreak", "longestStreak", "youngRetention",
            "matureRetention", "states", "hardest",
        ] {
            #expect(json.json[key] != nil, "missing \(key)")
        }
        #expect((json.json["forecast"] as? [Any])?.count == 7)
        #expect(json.json["currentStreak"] as? Int == 4)
        let today = json.json["today"] as? [String: Any]
        #expect(today?["reviewed"] as? Int == 3)

        let bad = try RecallProcess.run(["stats", "--days", "0"], home: home.path)
        #expect(bad.status == 2)
    }
}
