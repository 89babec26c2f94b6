import Foundation
import RecallCore
import Scheduler

/// A reproducible notebook to measure with: card texts (Chinese and English, like the bundled
/// decks) and a review history, generated from a seed. The same workload can be fed to Recall
/// (as deck files and events) and to other tools (as JSON lines), so comparisons are like for like.
public struct Workload: Sendable {
    public struct GeneratedCard: Sendable, Codable {
        public var id: String
        public var front: String
        public var back: String
        public var tags: [String]
    }

    public struct GeneratedEvent: Sendable, Codable {
        /// Index into `cards`.
        public var card: Int
        public var day: Int
        public var grade: Grade
        public var kind: String
        public var timestamp: Int64
    }

    public var deck: String
    public var cards: [GeneratedCard]
    public var events: [GeneratedEvent]
    /// The study day after the last generated event: "today" for the measurements.
    public var today: StudyDay

    /// `cards` cards and about `events` review events over the year before `today`.
    public static func generate(cards count: Int, events target: Int, seed: UInt64 = 42, deck: String = "bench")
        -> Workload
    {
        var rng = SplitMix64(seed: seed)
        let topics = [
            ("注意力机制 (attention)", "缩放点积注意力 softmax(QKᵀ/√d)·V，按相关性加权求和。"),
            ("位置编码 (positional encoding)", "RoPE 用旋转矩阵把相对位置写进 q·k 的内积。"),
            ("LoRA fine-tuning", "Freeze W and learn a low-rank update BA; B starts at zero."),
            ("KV Cache", "Keep past keys and values so each decoding step attends without recomputing them."),
            ("二分查找 (binary search)", "在有序数组上每步排除一半：O(log n)。"),
            ("beam search", "Keep the k best partial sequences by total log-probability at each step."),
            ("交叉熵 (cross-entropy)", "H(p, q) = −Σ p log q；分类时等于负对数似然。"),
            ("sliding window", "Grow the right edge, shrink the left while the window is invalid: O(n)."),
        ]
        var cards: [GeneratedCard] = []
        cards.reserveCapacity(count)
        for index in 0..<count {
            let (topic, fact) = topics[Int(rng.next() % UInt64(topics.count))]
            let variant = rng.next() % 1000
            cards.append(
                GeneratedCard(
                    id: "c\(index)", front: "问题 \(index)：\(topic) 的要点是什么？(variant \(variant))",
                    back: "\(fact)\n\n- 要点 \(index % 97)\n- detail \(variant)", tags: ["bench", "t\(index % 20)"]))
        }
        let today = StudyDay(year: 2026, month: 11, day: 23)
        let perCard = max(target / max(count, 1), 0)
        var events: [GeneratedEvent] = []
        events.reserveCapacity(perCard * count)
        for index in 0..<count where perCard > 0 {
            // Walk the card through SM-2, reviewing on its due days but at least monthly, then
            // shift the walk so that it ends in the last three weeks before `today`.
            var state: CardState?
            var day = StudyDay(ordinal: 0)
            var walk: [(day: Int, grade: Grade, kind: String, offset: Int64)] = []
            while walk.count < perCard {
                let roll = rng.next() % 100
                let grade: Grade =
                    roll < 35
                    ? .perfect
                    : roll < 75 ? .hesitant : roll < 88 ? .difficult : roll < 96 ? .wrongButEasy : .wrongButFamiliar
                walk.append((day.ordinal, grade, "review", 0))
                state = SM2.review(state, grade: grade, on: day)
                if grade.needsRedrill && walk.count < perCard {  // the same-day re-drill
                    walk.append((day.ordinal, .hesitant, "drill", 60_000))
                }
                day = day.advanced(by: min(state?.interval ?? 1, 30))
            }
            let shift = today.ordinal - 1 - Int(rng.next() % 21) - (walk.last?.day ?? 0)
            for step in walk {
                let eventDay = step.day + shift
                let ts = Int64(eventDay) * 86_400_000 + 36_000_000 + step.offset
                events.append(
                    GeneratedEvent(card: index, day: eventDay, grade: step.grade, kind: step.kind, timestamp: ts))
            }
        }
        return Workload(deck: deck, cards: cards, events: events, today: today)
    }

    /// Writes the cards as a folder deck of Markdown files (`perFile` cards each).
    public func writeDeck(to folder: URL, perFile: Int = 1000) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "deck: \(deck)\ntitle: Benchmark deck\n".write(
            to: folder.appendingPathComponent("deck.yaml"), atomically: true, encoding: .utf8)
        for start in stride(from: 0, to: cards.count, by: perFile) {
            var text = ""
            for card in cards[start..<min(start + perFile, cards.count)] {
                text += "## \(card.front) {#\(card.id)}\ntags: \(card.tags.joined(separator: ", "))\n\n\(card.back)\n\n"
            }
            let name = String(format: "part-%04d.md", start / perFile)
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
    }

    /// The events as Recall review events of one device.
    public func reviewEvents(device: String = "bench") -> [ReviewEvent] {
        events.enumerated().map { seq, e in
            ReviewEvent(
                card: CardKey(deck: deck, id: cards[e.card].id), timestamp: e.timestamp, day: StudyDay(ordinal: e.day),
                grade: e.grade, kind: e.kind == "drill" ? .drill : .review, device: device,
                seq: Int64(seq + 1), durationMs: 4000)
        }
    }

    /// Cards and events as JSON lines, for tools written in other languages.
    public func writeJSONLines(cards cardsURL: URL, events eventsURL: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        func write<T: Encodable>(_ items: [T], to url: URL) throws {
            var data = Data()
            for item in items {
                data.append(try encoder.encode(item))
                data.append(0x0A)
            }
            try data.write(to: url)
        }
        try write(cards, to: cardsURL)
        try write(events, to: eventsURL)
    }
}

/// SplitMix64: a tiny, fast, seedable generator, so every run generates the same workload.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
