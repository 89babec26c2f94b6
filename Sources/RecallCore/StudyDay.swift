import Foundation

/// A study day: a calendar date counted as days since 1970-01-01. Study days start at a rollover
/// hour (default 04:00 local time), so a session after midnight still counts for the evening before.
public struct StudyDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible, Strideable {
    public let ordinal: Int

    public init(ordinal: Int) { self.ordinal = ordinal }

    /// From a proleptic Gregorian date.
    public init(year: Int, month: Int, day: Int) {
        // Days from civil (Howard Hinnant's algorithm): exact for every Gregorian date.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        self.ordinal = era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD`; nil when malformed or not a real date.
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]), (1...12).contains(m), d >= 1
        else { return nil }
        let day = StudyDay(year: y, month: m, day: d)
        guard day.components.day == d else { return nil }  // rejects 2026-02-30
        self = day
    }

    public var components: (year: Int, month: Int, day: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `YYYY-MM-DD`.
    public var iso: String {
        let c = components
        // By hand: String(format:) goes through Foundation's locale-aware formatting, which
        // showed in the start-up profile of `recall due`.
        guard (0...9999).contains(c.year) else { return String(format: "%04d-%02d-%02d", c.year, c.month, c.day) }
        func padded(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return padded(c.year, 4) + "-" + padded(c.month, 2) + "-" + padded(c.day, 2)
    }

    public var description: String { iso }

    /// The day of the week, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
    public var weekday: Int { ((ordinal % 7) + 7 + 3) % 7 }

    public static func < (lhs: StudyDay, rhs: StudyDay) -> Bool { lhs.ordinal < rhs.ordinal }
    public func advanced(by n: Int) -> StudyDay { StudyDay(ordinal: ordinal + n) }
    public func distance(to other: StudyDay) -> Int { other.ordinal - ordinal }

    public init(from decoder: any Decoder) throws {
        self = try TextCoding.decode(decoder, expected: "a YYYY-MM-DD date") { StudyDay(iso: $0) }
    }

    public func encode(to encoder: any Encoder) throws { try TextCoding.encode(iso, to: encoder) }
}
