import DeckFormat
import Foundation
import RecallCore
import Scheduler

/// The progress-event format (Sync/README.md): `events/<device-id>.jsonl`, one JSON object a line,
/// appended by that device only:
/// `{"card":"llm/lora","day":"2026-11-23","device":"3f9a…","duration_ms":5300,"grade":4,`
/// `"id":"3f9a…:17","kind":"review","seq":17,"ts":1763891400000}`
struct ProgressLine: Codable, Equatable {
    var id: String
    var fields: EventFields
    var duration_ms: Int

    init(_ event: ReviewEvent) {
        id = event.id
        fields = EventFields(event)
        duration_ms = event.durationMs
    }

    /// The event, or nil when a field is out of range or `id` disagrees with device and seq.
    var event: ReviewEvent? {
        guard id == "\(fields.device):\(fields.seq)", let key = CardKey(fields.card) else { return nil }
        return fields.event(card: key, durationMs: duration_ms)
    }

    // One flat object: the id and duration beside the event's own fields.
    private enum CodingKeys: String, CodingKey { case id, duration_ms }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        duration_ms = try container.decode(Int.self, forKey: .duration_ms)
        fields = try EventFields(from: decoder)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(duration_ms, forKey: .duration_ms)
        try fields.encode(to: encoder)
    }
}

/// A study action (docs/EVENTS.md), in the same file and seq sequence as the grades, told apart by
/// its `action` key (a grade line has `grade` and `kind` instead):
/// `{"action":"suspend","card":"llm/lora","day":"2026-11-23","device":"3f9a…","id":"3f9a…:18",`
/// `"seq":18,"ts":1763891460000}`. A Recall older than actions skips such a line as malformed.
/// A `schedule` action also carries the schedule it sets, under `schedule`:
/// `{"due":"2026-12-01","ef100":250,"interval":8,"lapses":0,"last_review":"2026-11-23","repetitions":2}`.
struct ActionLine: Codable, Equatable {
    struct Schedule: Codable, Equatable {
        var ef100, repetitions, interval, lapses: Int
        var due, last_review: String
    }

    var action, card, day, device, id: String
    var seq, ts: Int64
    var schedule: Schedule?

    init(_ a: CardAction) {
        (action, card, day, device) = (a.kind.rawValue, a.card.description, a.day.iso, a.device)
        (id, seq, ts) = (a.id, a.seq, a.timestamp)
        schedule = a.schedule.map {
            Schedule(
                ef100: $0.ef100, repetitions: $0.repetitions, interval: $0.interval, lapses: $0.lapses,
                due: $0.due.iso, last_review: $0.lastReview.iso)
        }
    }

    /// The action, or nil when a field is out of range, `id` disagrees with device and seq, or the
    /// schedule is missing from a `schedule` action (or present on another kind).
    var cardAction: CardAction? {
        guard id == "\(device):\(seq)", !device.isEmpty, seq > 0, let key = CardKey(card),
            let studyDay = StudyDay(iso: day), let kind = CardActionKind(rawValue: action)
        else { return nil }
        var state: CardState?
        if let schedule {
            // The same ranges as the card row's checks (EF at least 1.30, no negative count).
            guard let due = StudyDay(iso: schedule.due), let last = StudyDay(iso: schedule.last_review),
                schedule.ef100 >= SM2.minimumEF100, schedule.repetitions >= 0, schedule.interval >= 0,
                schedule.lapses >= 0
            else { return nil }
            state = CardState(
                ef100: schedule.ef100, repetitions: schedule.repetitions, interval: schedule.interval, due: due,
                lapses: schedule.lapses, lastReview: last)
        }
        let result = CardAction(
            card: key, timestamp: ts, day: studyDay, kind: kind, device: device, seq: seq, schedule: state)
        return result.isWellFormed ? result : nil
    }
}

/// A retraction: the device undid one of its events after it had been sent. Written to the same
/// file, after the event: `{"retracts":"3f9a…:17"}`.
struct RetractionLine: Codable, Equatable {
    var retracts: String
}

/// Limits on another device's progress file, which a stranger with push access can write
/// (docs/LIMITS.md). An event line is about 190 bytes.
public enum ProgressLimits {
    /// Bytes in one device's file: about 2.8 million events. A larger file is not read at all.
    public static let maxFileBytes = 512 << 20
    /// Bytes in one line; a longer line is skipped as malformed.
    public static let maxLineBytes = 4_096
    /// Malformed lines listed one by one per file; the rest are counted in one more problem.
    public static let maxProblemsListed = 20
}

/// Reading and writing device files; public for the fuzz target (Fuzz/), which feeds `decode` hostile
/// lines.
public enum ProgressLog {
    static func fileName(device: String) -> String { "events/\(device).jsonl" }

    /// One event as its line (without the newline).
    public static func encode(_ event: ReviewEvent) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(ProgressLine(event))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// One study action as its line (without the newline).
    public static func encode(_ action: CardAction) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(ActionLine(action))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    static func encodeRetraction(device: String, seq: Int64) -> String {
        #"{"retracts":"\#(device):\#(seq)"}"#
    }

    /// A device file's contents: its events, the ids of events it retracted, and malformed lines
    /// as `file:line: message` problems.
    public struct Decoded {
        public var events: [ReviewEvent] = []
        public var actions: [CardAction] = []
        public var retracted: Set<String> = []
        public var problems: [String] = []
    }

    /// Parses a device's file. Only that device's own events and retractions are taken: a file
    /// cannot speak for another device.
    public static func decode(_ data: Data, file: String) -> Decoded {
        var decoded = Decoded()
        let device = (file as NSString).lastPathComponent.replacingOccurrences(of: ".jsonl", with: "")
        let decoder = JSONDecoder()
        var unlisted = 0
        func problem(_ text: String) {
            if decoded.problems.count < ProgressLimits.maxProblemsListed {
                decoded.problems.append(text)
            } else {
                unlisted += 1
            }
        }
        for (index, line) in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).enumerated()
        where !line.isEmpty {
            if line.count > ProgressLimits.maxLineBytes {
                problem(
                    "\(file):\(index + 1): the line is \(line.count) bytes, over the limit of \(ProgressLimits.maxLineBytes) bytes per progress line; it was skipped"
                )
            } else if let parsed = try? decoder.decode(ProgressLine.self, from: Data(line)), let event = parsed.event,
                event.device == device
            {
                decoded.events.append(event)
            } else if let parsed = try? decoder.decode(ActionLine.self, from: Data(line)),
                let action = parsed.cardAction, action.device == device
            {
                decoded.actions.append(action)
            } else if let retraction = try? decoder.decode(RetractionLine.self, from: Data(line)),
                retraction.retracts.hasPrefix(device + ":")
            {
                decoded.retracted.insert(retraction.retracts)
            } else {
                problem(
                    "\(file):\(index + 1): not a review event or study action of device \(device); the line was skipped"
                )
            }
        }
        if unlisted > 0 { decoded.problems.append("\(file): \(unlisted) more malformed lines were skipped") }
        return decoded
    }

    /// Another device's file `file` in `folder`, read as a deck file is: no symlink followed, and
    /// refused from its size when over `maxBytes`, before anything is read. The failure is a problem
    /// to report (`file: message`).
    public static func read(_ file: String, in folder: URL, maxBytes: Int = ProgressLimits.maxFileBytes) -> Result<
        Data, ReadProblem
    > {
        switch DeckFile.read(folder.appendingPathComponent(file), maxBytes: maxBytes) {
        case .success(let bytes): return .success(Data(bytes))
        case .failure(.tooLarge(let bytes, let limit)):
            return .failure(
                ReadProblem(
                    description:
                        "\(file): is \(bytes) bytes, over the limit of \(limit) bytes for one device's progress file; its events were not imported (Recall never writes one this large: check who pushed it)"
                ))
        case .failure(.symlink):
            return .failure(
                ReadProblem(description: "\(file): is a symlink, which is never followed; its events were not imported")
            )
        case .failure(let failure): return .failure(ReadProblem(description: "\(file): \(failure.message)"))
        }
    }

    public struct ReadProblem: Error, CustomStringConvertible {
        public var description: String
    }

    /// The highest seq in this device's own file, after cutting off a torn last line (a write
    /// killed halfway) so that appending continues on a clean line.
    static func lastSeq(in url: URL) throws -> Int64 {
        guard let handle = try? FileHandle(forUpdating: url) else { return 0 }
        defer { try? handle.close() }
        let size = try handle.seekToEnd()
        guard size > 0 else { return 0 }
        let tail = min(size, 65_536)
        try handle.seek(toOffset: size - tail)
        let data = try handle.readToEnd() ?? Data()
        guard let lastNewline = data.lastIndex(of: UInt8(ascii: "\n")) else {
            if tail == size { try handle.truncate(atOffset: 0) }
            return 0
        }
        let complete = data[..<lastNewline]
        if lastNewline != data.index(before: data.endIndex) {
            try handle.truncate(atOffset: size - tail + UInt64(lastNewline - data.startIndex + 1))
        }
        // The last event line (retractions follow the events they retract; seqs only grow).
        for line in complete.split(separator: UInt8(ascii: "\n")).reversed() {
            if let line = try? JSONDecoder().decode(ProgressLine.self, from: Data(line)) { return line.fields.seq }
            if let line = try? JSONDecoder().decode(ActionLine.self, from: Data(line)) { return line.seq }
        }
        return 0
    }

    /// Both sides' lines, ours first, each line once: how a device file changed on two machines
    /// (a copied home) is merged without losing an event.
    static func unionMerge(ours: Data?, theirs: Data?) -> Data {
        var seen = Set<Data>()
        var out = Data()
        for data in [ours, theirs].compactMap({ $0 }) {
            for line in data.split(separator: UInt8(ascii: "\n")) where seen.insert(Data(line)).inserted {
                out.append(contentsOf: line)
                out.append(UInt8(ascii: "\n"))
            }
        }
        return out
    }
}
