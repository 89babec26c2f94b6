import Foundation
import RecallCore
import Scheduler

/// Everything a command takes from the outside world: where the notebook lives, the clock and the
/// time zone. Tests and demos fix the clock with `RECALL_NOW` and the zone with `TZ`.
public struct RecallEnvironment: Sendable {
    /// The data home: notebook.sqlite, sources/, progress/, config.
    public var home: URL
    public var now: @Sendable () -> Date
    public var calendar: StudyCalendar
    /// Daily new-card limit across the notebook.
    public var newPerDay: Int
    /// `synchronous = FULL`: every commit is fsynced (survives a power cut, costs a disk flush).
    /// Default NORMAL in WAL: commits survive a killed process. `RECALL_SYNC=full` switches.
    public var fullSync = false
    /// When a lapse makes a card a leech (`RECALL_LEECH_LAPSES`, default 8; 0 turns it off).
    public var leeches = LeechRule.standard

    public init(home: URL, now: @escaping @Sendable () -> Date, calendar: StudyCalendar, newPerDay: Int = 20) {
        self.home = home
        self.now = now
        self.calendar = calendar
        self.newPerDay = newPerDay
    }

    /// The environment of a real process: `--home`, else `$RECALL_HOME`, else
    /// `$XDG_DATA_HOME/recall`, else `~/.local/share/recall`; `RECALL_NOW` (ISO-8601) fixes the clock,
    /// `TZ` the zone, `RECALL_ROLLOVER_HOUR` the hour a study day starts, `RECALL_NEW_PER_DAY` the limit,
    /// `RECALL_LEECH_LAPSES` the lapses that make a leech.
    public static func live(home override: String? = nil, variables: [String: String]) throws -> RecallEnvironment {
        try live(home: override, variable: { variables[$0] })
    }

    /// The same, reading the process's own variables one by one: building
    /// `ProcessInfo.environment`'s dictionary costs every command's start-up about 1M instructions.
    public static func live(home override: String? = nil) throws -> RecallEnvironment {
        try live(home: override, variable: { name in getenv(name).map { String(cString: $0) } })
    }

    private static func live(home override: String?, variable: (String) -> String?) throws -> RecallEnvironment {
        let home: URL
        if let override, !override.isEmpty {
            home = URL(fileURLWithPath: override)
        } else if let value = variable("RECALL_HOME"), !value.isEmpty {
            home = URL(fileURLWithPath: value)
        } else if let value = variable("XDG_DATA_HOME"), !value.isEmpty {
            home = URL(fileURLWithPath: value).appendingPathComponent("recall")
        } else {
            home = FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".local/share/recall")
        }
        let zone = try ZoneSetting.read(
            variable("TZ"), processValue: getenv("TZ").map { String(cString: $0) }, now: Date())
        let now: @Sendable () -> Date
        if let text = variable("RECALL_NOW"), !text.isEmpty {
            guard let fixed = ISOTime.parse(text, zone: zone.zone) else { throw NotebookError.badClock(text) }
            now = { fixed }
        } else {
            now = { Date() }
        }
        var rollover = 4
        if let text = variable("RECALL_ROLLOVER_HOUR"), !text.isEmpty {
            guard let hour = Int(text), (0...23).contains(hour) else {
                throw NotebookError.badSetting(
                    name: "RECALL_ROLLOVER_HOUR", value: text, expected: "an hour from 0 to 23")
            }
            rollover = hour
        }
        var newPerDay = 20
        if let text = variable("RECALL_NEW_PER_DAY"), !text.isEmpty {
            guard let value = Int(text), value >= 0 else {
                throw NotebookError.badSetting(name: "RECALL_NEW_PER_DAY", value: text, expected: "a whole number ≥ 0")
            }
            newPerDay = value
        }
        var environment = RecallEnvironment(
            home: home, now: now, calendar: StudyCalendar(secondsEast: zone.secondsEast, rolloverHour: rollover),
            newPerDay: newPerDay)
        environment.fullSync = variable("RECALL_SYNC")?.lowercased() == "full"
        if let text = variable("RECALL_LEECH_LAPSES"), !text.isEmpty {
            guard let value = Int(text), value >= 0 else {
                throw NotebookError.badSetting(
                    name: "RECALL_LEECH_LAPSES", value: text, expected: "a whole number ≥ 0 (0 turns leeches off)")
            }
            environment.leeches = LeechRule(threshold: value)
        }
        return environment
    }

    public var databaseURL: URL { home.appendingPathComponent("notebook.sqlite") }
    public var today: StudyDay { calendar.day(of: now()) }
    public var nowMillis: Int64 { Int64((now().timeIntervalSince1970 * 1000).rounded()) }
}

/// ISO-8601 instants as users write them: `2026-11-23T09:30:00Z`, with an offset or fractional
/// seconds, a local time without offset (read in `TZ`), or a bare date.
enum ISOTime {
    /// `YYYY-MM-DDTHH:MM:SSZ` exactly, read by hand: the form scripts and tests set, so the clock
    /// costs nothing at start-up (setting up a format style takes a few runtime type lookups).
    static func utc(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: "Z"),
            bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
            let day = StudyDay(iso: String(decoding: bytes[0..<10], as: UTF8.self))
        else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            range.reduce(0) { total, index in
                guard let total, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[index]) else { return nil }
                return total * 10 + Int(bytes[index] - UInt8(ascii: "0"))
            }
        }
        guard let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            hour < 24, minute < 60, second < 60
        else { return nil }
        return Date(timeIntervalSince1970: Double(day.ordinal * 86_400 + hour * 3600 + minute * 60 + second))
    }

    static func parse(_ text: String, zone: TimeZone) -> Date? {
        // The usual form first, through Foundation's native parser: ISO8601DateFormatter (ICU)
        // costs several milliseconds to set up, a sizeable part of a command's start-up.
        // That exact shape is read here alone: Foundation's parsers would roll 2026-02-30 over
        // into March rather than refuse it.
        if text.utf8.count == 20, text.hasSuffix("Z"), text.dropFirst(10).first == "T" { return utc(text) }
        // Only with an explicit offset: a time without one is local time (below).
        if let t = text.firstIndex(of: "T"), text[t...].contains(where: { $0 == "Z" || $0 == "+" || $0 == "-" }) {
            if let date = try? Date.ISO8601FormatStyle().parse(text) { return date }
            if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) { return date }
        }
        if let day = StudyDay(iso: text) {
            // A bare date means noon UTC of that day: the same study day in every usual zone.
            return Date(timeIntervalSince1970: Double(day.ordinal) * 86_400 + 43_200)
        }
        let full = ISO8601DateFormatter()
        full.formatOptions = [.withInternetDateTime]
        if let date = full.date(from: text) { return date }
        full.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = full.date(from: text) { return date }
        // Local time without an offset: interpreted in TZ.
        let local = DateFormatter()
        local.locale = Locale(identifier: "en_US_POSIX")
        local.timeZone = zone
        for format in ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"] {
            local.dateFormat = format
            if let date = local.date(from: text) { return date }
        }
        return nil
    }
}
