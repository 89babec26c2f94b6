import AnkiPackage
import Foundation
import RecallCore
import Scheduler

/// The fixed correspondences between Recall and Anki (docs/ANKI.md has them as tables).
enum AnkiMapping {
    /// Recall's note type in Anki: two fields, one card. Its id never changes, so Anki recognises
    /// it on every re-import.
    static let noteTypeID: Int64 = 1_700_000_000_042
    static let noteType = AnkiNoteType(
        id: noteTypeID, name: "Recall (Front/Back)", kind: .standard, fields: ["Front", "Back"],
        templates: [
            .init(name: "Card 1", question: "{{Front}}", answer: "{{FrontSide}}\n\n<hr id=answer>\n\n{{Back}}")
        ],
        css:
            ".card { font-family: sans-serif; font-size: 20px; text-align: left; color: black; background-color: white; }\n"
    )

    /// Grade 0–5 → Anki's answer buttons: a failed recall (0, 1, 2) is Again, 3 Hard, 4 Good, 5 Easy.
    static func ease(for grade: Grade) -> Int {
        switch grade.rawValue {
        case 0...2: return 1
        case 3: return 2
        case 4: return 3
        default: return 4
        }
    }

    /// Anki's buttons → grades: Again 1 (wrong, answer familiar), Hard 3, Good 4, Easy 5.
    static func grade(forEase ease: Int) -> Grade? {
        switch ease {
        case 1: return Grade(rawValue: 1)
        case 2: return Grade(rawValue: 3)
        case 3: return Grade(rawValue: 4)
        case 4: return Grade(rawValue: 5)
        default: return nil
        }
    }

    /// The time of change given to a note whose text changed before Recall recorded when (an old
    /// notebook's card): a fixed past instant (2001-09-09), so that exports agree with each other.
    static let unknownChangeMillis: Int64 = 1_000_000_000_000

    /// A stable id for Anki's tables (FNV-1a of `text`), shaped like Anki's own ids: milliseconds
    /// of a past instant (2001–2020). Anki's importer gives ids from the future new values, and
    /// then no longer recognises the card when a later package brings more reviews for it.
    static func stableID(_ text: String) -> Int64 {
        Int64(fnv1a(text) % 600_000_000_000) + 1_000_000_000_000
    }

    /// FNV-1a of `text`, continuing from `hash` (to hash many pieces without joining them).
    static func fnv1a(_ text: String, continuing hash: UInt64 = 0xcbf2_9ce4_8422_2325) -> UInt64 {
        var hash = hash
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// 12 hex digits of `text`'s hash: for ids made from Anki guids and names.
    static func shortHash(_ text: String) -> String { shortHash(of: fnv1a(text)) }

    static func shortHash(of hash: UInt64) -> String {
        let hex = String(hash & 0xffff_ffff_ffff, radix: 16)
        return String(repeating: "0", count: 12 - hex.count) + hex
    }

    /// The instant (seconds since the epoch) a study day starts in `calendar`.
    static func start(of day: StudyDay, in calendar: StudyCalendar) -> Int64 {
        let utc = Int64(day.ordinal) * 86_400 + Int64(calendar.rolloverHour) * 3600
        let offset = calendar.secondsEast(Date(timeIntervalSince1970: Double(utc)))
        return utc - Int64(offset)
    }
}

/// What Recall keeps in a package it writes, under `col.conf["recall"]` (Anki ignores it): the
/// Markdown of each note and the exact events behind each revlog row, so that a package going
/// from Recall to Recall loses nothing that HTML and four answer buttons cannot carry.
struct RecallPackageData: Codable {
    struct Note: Codable {
        var front: String
        var back: String
        /// The fields as written, to tell whether the note was edited since.
        var frontHTML: String
        var backHTML: String
        /// The card's place in the exported order, so the deck reads back in the same order.
        var position: Int
        /// An exercise card: the files of its folder by name (`exercise.yaml`, `prompt.md`, …), from
        /// which a re-import writes the exercise again. A prompt is many lines, and no heading
        /// of a Markdown deck holds it.
        var exercise: [String: Data]? = nil
        /// Media the Markdown refers to: link target as written → name in the package.
        var media: [String: String]? = nil
    }

    /// An Anki note given back (AnkiNotesGivenBack): the Recall deck it belongs to, and its first
    /// card's place in the exported order, so that the deck comes back as itself.
    struct GivenBack: Codable {
        var deck: String
        var position: Int
    }

    var version = 1
    /// By note guid.
    var notes: [String: Note] = [:]
    /// By note guid.
    var givenBack: [String: GivenBack]? = nil
    /// By revlog id.
    var events: [String: EventFields] = [:]

    func encoded() -> String? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(self)).map { String(decoding: $0, as: UTF8.self) }
    }

    static func decode(_ text: String?) -> RecallPackageData? {
        guard let text, let data = try? JSONDecoder().decode(RecallPackageData.self, from: Data(text.utf8)),
            data.version == 1
        else { return nil }
        return data
    }
}

/// A note's Markdown carried in the note itself, as an HTML comment at the end of its Back field
/// (Anki shows no comment, and keeps fields as they are): the package's `col.conf` does not
/// survive Anki, which builds a new collection on export, but fields do. Used only while both
/// fields are still what Recall renders from it, so an edit made in Anki always wins.
struct NoteSource: Codable, Equatable {
    var front: String
    var back: String
    /// In the card's order: Anki keeps a note's tags sorted.
    var tags: [String]? = nil
    var exercise: [String: Data]? = nil

    static let opening = "<!--recall:"
    /// Exercise files larger than this stay in `col.conf` only: a note must stay well within
    /// the limit on a note's size (AnkiLimits.noteBytes).
    static let maxExerciseBytes = 272 * 1_024

    /// The Back field: the answer's HTML, then the comment.
    func backField(html: String) -> String {
        var source = self
        if (exercise?.values.reduce(0) { $0 + $1.count } ?? 0) > Self.maxExerciseBytes { source.exercise = nil }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let json = try? encoder.encode(source) else { return html }
        return html + "\n" + Self.opening + json.base64EncodedString() + "-->"
    }

    /// The source kept at the end of a Back field, and the field without it.
    static func split(backField field: String) -> (html: String, source: NoteSource?) {
        guard field.hasSuffix("-->"), let start = field.range(of: "\n" + opening, options: .backwards) else {
            return (field, nil)
        }
        let encoded = field[start.upperBound..<field.index(field.endIndex, offsetBy: -3)]
        guard let data = Data(base64Encoded: String(encoded)),
            let source = try? JSONDecoder().decode(NoteSource.self, from: data)
        else { return (field, nil) }
        return (String(field[..<start.lowerBound]), source)
    }
}
