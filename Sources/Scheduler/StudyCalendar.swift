import Foundation
import RecallCore

/// Maps instants to study days: a study day starts at `rolloverHour` local time, so a session
/// after midnight still counts for the evening before.
public struct StudyCalendar: Sendable {
    /// Seconds east of UTC at an instant: the local zone's offset, daylight saving included.
    public var secondsEast: @Sendable (Date) -> Int
    /// 0–23; default 4 (04:00).
    public var rolloverHour: Int

    public init(timeZone: TimeZone, rolloverHour: Int = 4) {
        self.init(secondsEast: { timeZone.secondsFromGMT(for: $0) }, rolloverHour: rolloverHour)
    }

    /// A calendar whose zone is given by its offsets (the C library's reading of `TZ`, say).
    public init(secondsEast: @escaping @Sendable (Date) -> Int, rolloverHour: Int = 4) {
        self.secondsEast = secondsEast
        self.rolloverHour = rolloverHour
    }

    /// The study day an instant belongs to.
    public func day(of date: Date) -> StudyDay {
        let local = date.timeIntervalSince1970 + Double(secondsEast(date))
        let shifted = local - Double(rolloverHour * 3600)
        return StudyDay(ordinal: Int((shifted / 86_400).rounded(.down)))
    }

    /// The study day of a Unix timestamp in milliseconds.
    public func day(ofMillis millis: Int64) -> StudyDay {
        day(of: Date(timeIntervalSince1970: Double(millis) / 1000))
    }
}
