import Foundation
import Notebook
import RecallCore
import Testing

/// A `schedule` action in a device's progress file (Sync/README.md): it must reach other devices
/// with its schedule, or not at all.
@Suite("Progress log: schedule actions")
struct ProgressScheduleLineTests {
    let day = StudyDay(year: 2026, month: 11, day: 23)

    func action(_ kind: CardActionKind, schedule: CardState?) -> CardAction {
        CardAction(
            card: CardKey(deck: "d", id: "x"), timestamp: 1_795_428_060_000, day: day, kind: kind, device: "anki-1-ab",
            seq: 4, schedule: schedule)
    }

    @Test("a schedule action's line decodes to itself, schedule and all")
    func roundTrip() {
        let state = CardState(
            ef100: 265, repetitions: 2, interval: 9, due: day.advanced(by: 9), lapses: 1, lastReview: day)
        let sent = action(.schedule, schedule: state)
        let line = ProgressLog.encode(sent)
        #expect(line.contains(#""schedule":{"due":"2026-12-02","ef100":265"#), "\(line)")
        let decoded = ProgressLog.decode(Data((line + "\n").utf8), file: "events/anki-1-ab.jsonl")
        #expect(decoded.actions == [sent])
        #expect(decoded.problems.isEmpty)
        // Other kinds are written as before, without the key.
        #expect(!ProgressLog.encode(action(.suspend, schedule: nil)).contains("schedule"))
    }

    @Test("a schedule action without its schedule, another kind with one, or an EF below 1.30 is malformed")
    func malformed() {
        let state = CardState(ef100: 265, repetitions: 2, interval: 9, due: day, lapses: 0, lastReview: day)
        let low = CardState(ef100: 120, repetitions: 2, interval: 9, due: day, lapses: 0, lastReview: day)
        let lines = [
            ProgressLog.encode(action(.schedule, schedule: nil)),
            ProgressLog.encode(action(.suspend, schedule: state)),
            ProgressLog.encode(action(.schedule, schedule: low)),
        ]
        let decoded = ProgressLog.decode(
            Data(lines.map { $0 + "\n" }.joined().utf8), file: "events/anki-1-ab.jsonl")
        #expect(decoded.actions.isEmpty)
        #expect(decoded.problems.count == 3)
    }
}
