import Foundation
import RecallCore

/// A review event's fields as Recall writes them in JSON: in a progress-log line (which adds its
/// id and duration) and among the events an exported Anki package keeps. One place maps them to
/// and from a `ReviewEvent`, and checks their ranges.
struct EventFields: Codable, Equatable {
    var device, card: String
    var seq: Int64
    /// Milliseconds since the Unix epoch, UTC; `day` is the study day, `kind` review or drill.
    var ts: Int64
    var day, kind: String
    var grade: Int

    init(_ event: ReviewEvent) {
        (device, seq, card, ts) = (event.device, event.seq, event.card.description, event.timestamp)
        (day, grade, kind) = (event.day.iso, event.grade.rawValue, event.kind.rawValue)
    }

    /// The event on `card` (which may differ from the stored key when a deck was renamed), or nil
    /// when a field is out of range.
    func event(card: CardKey, durationMs: Int) -> ReviewEvent? {
        guard !device.isEmpty, seq > 0, let studyDay = StudyDay(iso: day), let grade = Grade(rawValue: grade),
            let kind = ReviewKind(rawValue: kind)
        else { return nil }
        return ReviewEvent(
            card: card, timestamp: ts, day: studyDay, grade: grade, kind: kind, device: device, seq: seq,
            durationMs: max(durationMs, 0))
    }
}
