import Foundation
import Notebook
import RecallCore
import RecallTestSupport
import Storage
import Testing

/// A seeded generator, so a failing history can be replayed.
private struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Runs `sqlite3 -separator '|' FILE SQL` and returns its rows split into columns.
private func sqlite(_ path: String, _ sql: String) throws -> [[String]] {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["sqlite3", "-separator", "|", path, sql]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "sqlite3 failed on: \(sql)")
    return String(decoding: data, as: UTF8.self).split(separator: "\n").map {
        $0.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
    }
}

@Suite("Stats")
struct StatsTests {
    /// What the generator saw at each scheduling review: the interval just before it and the grade.
    struct Logged {
        var day: Int
        var interval: Int
        var grade: Int
    }

    @Test("every number matches a direct computation from the event log (150 generated days)")
    func numbersMatchTheLog() throws {
        let t = try TestNotebook(now: "2026-06-01T10:00:00Z")
        try t.decks.write("a/deck.yaml", "deck: a\ntitle: A\n")
        try t.decks.write("b/deck.yaml", "deck: b\ntitle: B\n")
        let cardsA = (0..<25).map { "## Question \($0) {#qa\($0)}\nanswer \($0)\n" }.joined(separator: "\n")
        let cardsB = (0..<15).map { "## Question \($0) {#qb\($0)}\nanswer \($0)\n" }.joined(separator: "\n")
        try t.decks.write("a/cards.md", cardsA)
        try t.decks.write("b/cards.md", cardsB + "\n## Gone soon {#gone}\nx\n")
        _ = try t.importDecks()

        var rng = SplitMix(state: 42)
        var logged: [Logged] = []
        for day in 0..<150 {
            // Skip some days so streaks have gaps.
            if day < 145 && (day % 17 == 5 || day % 23 == 11) {
                t.advance(days: 1)
                continue
            }
            let queue = try t.notebook.dueQueue(limit: Int.random(in: 4...12, using: &rng))
            for entry in queue {
                let before = try t.notebook.show(entry.card).state
                let grade = Int.random(in: 0...5, using: &rng)
                let outcome = try t.notebook.answer(
                    entry.card, grade: Grade(rawValue: grade)!, durationMs: Int.random(in: 1000...20_000, using: &rng))
                if outcome.event.kind == .review {
                    logged.append(Logged(day: outcome.event.day.ordinal, interval: before?.interval ?? 0, grade: grade))
                }
            }
            if day == 100 {
                try t.decks.write("b/cards.md", cardsB)  // removes b/gone
                _ = try t.importDecks()
            }
            if day < 149 { t.advance(days: 1) }
        }

        let report = try t.notebook.stats()
        let db = t.notebook.environment.databaseURL.path
        let today = t.notebook.today.ordinal

        // Today.
        let todayRow = try sqlite(
            db, "SELECT count(*), coalesce(sum(duration_ms), 0) FROM review_event WHERE day = \(today)")
        #expect(report.today.reviewed == Int(todayRow[0][0]))
        #expect(report.today.timeSpentMs == Int(todayRow[0][1]))
        #expect(report.today.left == (try t.notebook.dueQueue().count))

        // Forecast.
        var forecast = Array(repeating: 0, count: 30)
        for row in try sqlite(
            db,
            "SELECT max(due - \(today), 0) AS o, count(*) FROM card WHERE removed = 0 AND due IS NOT NULL GROUP BY o HAVING o < 30"
        ) {
            forecast[Int(row[0])!] = Int(row[1])!
        }
        #expect(report.forecast.map(\.count) == forecast)
        #expect(report.forecast.first?.day == StudyDay(ordinal: today).iso)

        // Calendar and streaks.
        var perDay: [Int: Int] = [:]
        for row in try sqlite(db, "SELECT day, count(*) FROM review_event GROUP BY day") {
            perDay[Int(row[0])!] = Int(row[1])!
        }
        #expect(report.calendar.count == 26 * 7)
        #expect(report.calendar.last?.day == StudyDay(ordinal: today).iso)
        #expect(report.calendar.map(\.count) == (today - 181...today).map { perDay[$0] ?? 0 })
        var longest = 0
        var run = 0
        for day in (perDay.keys.min() ?? 0)...today {
            run = perDay[day] != nil ? run + 1 : 0
            longest = max(longest, run)
        }
        var current = 0
        var day = perDay[today] != nil ? today : today - 1
        while perDay[day] != nil {
            current += 1
            day -= 1
        }
        #expect(report.longestStreak == longest)
        #expect(report.currentStreak == current)
        #expect(longest > 3 && current > 0)

        // Retention from what the generator saw before each review.
        let window = logged.filter { $0.day > today - 30 }
        let young = window.filter { $0.interval < 21 }
        let mature = window.filter { $0.interval >= 21 }
        #expect(report.youngRetention.reviews == young.count)
        #expect(report.youngRetention.passed == young.filter { $0.grade >= 3 }.count)
        #expect(report.matureRetention.reviews == mature.count)
        #expect(report.matureRetention.passed == mature.filter { $0.grade >= 3 }.count)
        #expect(mature.count > 0 && young.count > 0)
        let sqlReviews = try sqlite(
            db, "SELECT count(*) FROM review_event WHERE kind = 'review' AND day > \(today - 30) AND day <= \(today)")
        #expect(young.count + mature.count == Int(sqlReviews[0][0]))

        // States per deck.
        for deck in ["a", "b"] {
            let counts = try sqlite(
                db,
                """
                WITH last_today AS (
                    SELECT card, grade FROM review_event e WHERE day = \(today) AND ts = (
                        SELECT max(ts) FROM review_event WHERE card = e.card AND day = \(today)))
                SELECT
                  sum(removed = 1),
                  sum(removed = 0 AND due IS NULL),
                  sum(removed = 0 AND due IS NOT NULL AND (repetitions = 0
                      OR key IN (SELECT card FROM last_today WHERE grade < 4))),
                  sum(removed = 0 AND due IS NOT NULL AND repetitions > 0 AND interval < 21
                      AND key NOT IN (SELECT card FROM last_today WHERE grade < 4)),
                  sum(removed = 0 AND due IS NOT NULL AND repetitions > 0 AND interval >= 21
                      AND key NOT IN (SELECT card FROM last_today WHERE grade < 4))
                FROM card WHERE deck = '\(deck)'
                """)[0].map { Int($0) ?? 0 }
            let s = try #require(report.states.first { $0.deck == deck })
            #expect([s.removed, s.new, s.learning, s.young, s.mature] == counts, "deck \(deck)")
        }
        #expect(report.states.first { $0.deck == "b" }?.removed == 1)

        // Hardest cards.
        let hardest = try sqlite(
            db,
            """
            SELECT key FROM card WHERE removed = 0 AND due IS NOT NULL AND (lapses > 0 OR ef100 < 250)
            ORDER BY lapses DESC, ef100 ASC, key ASC LIMIT 10
            """
        ).map { $0[0] }
        #expect(report.hardest.map(\.card) == hardest)

        // One deck only.
        let onlyA = try t.notebook.stats(deck: "a")
        #expect(onlyA.states.map(\.deck) == ["a"])
        let eventsA = try sqlite(db, "SELECT count(*) FROM review_event WHERE card LIKE 'a/%'")
        #expect(onlyA.calendar.map(\.count).reduce(0, +) <= Int(eventsA[0][0])!)
    }
}
