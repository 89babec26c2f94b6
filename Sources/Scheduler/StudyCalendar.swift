import Foundation
import RecallCore

/// Maps instants to study days: a study day starts at `rolloverHour` local time, so a session
/// after midnight still counts for the evening before.
public struct StudyCalendar: Sendable {
    public var timeZone: TimeZone
    /// 0–23; default 4 (04:00).
    public var rolloverHour: Int

    public init(timeZone: TimeZone, rolloverHour: Int = 4) {
        self.timeZone = timeZone
        self.rolloverHour = rolloverHour
    }

    /// The study day an instant belongs to.
    public func day(of date: Date) -> StudyDay {
        let local = date.timeIntervalSince1970 + Double(timeZone.secondsFromGMT(for: date))
        let shifted = local - Double(rolloverHour * 3600)
        return StudyDay(ordinal: Int((shifted / 86_400).rounded(.down)))
    }

    /// The study day of a Unix timestamp in milliseconds.
    public func day(ofMillis millis: Int64) -> StudyDay {
        day(of: Date(timeIntervalSince1970: Double(millis) / 1000))
    }
}
