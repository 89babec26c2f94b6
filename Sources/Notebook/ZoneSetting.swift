import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// `TZ` read the way `date` reads it. A zone name (`Asia/Shanghai`, `UTC`) is a file of the zone
/// database; any other value is POSIX's form, whose offset counts hours *west* of UTC: `UTC+8`
/// is eight hours behind UTC, `CST-8` and `<+08>-8` eight ahead. Foundation took `UTC+8` as a name
/// with the opposite sign and refused the other two, so a study day started at the wrong hour.
struct ZoneSetting: Sendable {
    /// Seconds east of UTC at an instant (daylight saving included).
    let secondsEast: @Sendable (Date) -> Int
    /// A zone for reading local times (`RECALL_NOW` without an offset): the offset at `now`.
    let zone: TimeZone

    /// The zone `value` names, for a process whose own `TZ` is `processValue`. When they are the
    /// same (always, for the real program), the C library reads it, as `date` does.
    static func read(_ value: String?, processValue: String?, now: Date) throws -> ZoneSetting {
        let value = value.flatMap { $0.isEmpty ? nil : $0 }
        if let value, !isZoneName(value), !isPOSIX(value) {
            throw NotebookError.badSetting(
                name: "TZ", value: value,
                expected: "a zone name such as Asia/Shanghai or UTC, or a POSIX zone such as CST-8")
        }
        if value == processValue.flatMap({ $0.isEmpty ? nil : $0 }) {
            return fixedAt(now, secondsEast: libraryOffset)
        }
        // Only tests ask for a zone other than the process's: the C library cannot read that one
        // without changing the whole process's TZ, so Foundation's zone, or POSIX's fixed offset.
        guard let value else { return fixedAt(now, secondsEast: libraryOffset) }
        if let fixed = posixFixedOffset(value) { return fixedAt(now) { _ in fixed } }
        let name = value.hasPrefix(":") ? String(value.dropFirst()) : value
        guard isZoneName(value), let zone = TimeZone(identifier: name) else {
            throw NotebookError.badSetting(
                name: "TZ", value: value, expected: "the process's own TZ for a POSIX zone with daylight saving")
        }
        return ZoneSetting(secondsEast: { zone.secondsFromGMT(for: $0) }, zone: zone)
    }

    private static func fixedAt(_ now: Date, secondsEast: @escaping @Sendable (Date) -> Int) -> ZoneSetting {
        ZoneSetting(
            secondsEast: secondsEast, zone: TimeZone(secondsFromGMT: secondsEast(now)) ?? .gmt)
    }

    /// The C library's offset for the process's `TZ` (`localtime_r` calls `tzset` as needed).
    private static let libraryOffset: @Sendable (Date) -> Int = { date in
        var time = time_t(date.timeIntervalSince1970.rounded(.down))
        var local = tm()
        guard localtime_r(&time, &local) != nil else { return 0 }
        return Int(local.tm_gmtoff)
    }

    /// A name in the zone database (or UTC/GMT, which every system knows).
    static func isZoneName(_ value: String) -> Bool {
        let name = value.hasPrefix(":") ? String(value.dropFirst()) : value
        if ["UTC", "GMT", "Z"].contains(name) { return true }
        guard !name.isEmpty, !name.contains(".."), name.first != "/" || FileManager.default.fileExists(atPath: name)
        else { return false }
        return name.first == "/" || FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/" + name)
    }

    /// POSIX's form: a name (3+ letters, or `<…>`), an offset, then optionally daylight saving.
    static func isPOSIX(_ value: String) -> Bool {
        var rest = Substring(value)
        guard skipName(&rest), skipOffset(&rest) != nil else { return false }
        return true
    }

    /// Seconds east of UTC for a POSIX zone without daylight saving (`UTC+8`, `<+08>-8`).
    static func posixFixedOffset(_ value: String) -> Int? {
        var rest = Substring(value)
        guard skipName(&rest), let west = skipOffset(&rest), rest.isEmpty else { return nil }
        return -west
    }

    private static func skipName(_ rest: inout Substring) -> Bool {
        if rest.first == "<" {
            guard let close = rest.firstIndex(of: ">"), rest.distance(from: rest.startIndex, to: close) > 3 else {
                return false
            }
            rest = rest[rest.index(after: close)...]
            return true
        }
        let letters = rest.prefix { $0.isASCII && $0.isLetter }
        guard letters.count >= 3 else { return false }
        rest = rest.dropFirst(letters.count)
        return true
    }

    /// `[+-]hh[:mm[:ss]]`, in seconds west of UTC as POSIX counts.
    private static func skipOffset(_ rest: inout Substring) -> Int? {
        var sign = 1
        if let first = rest.first, first == "+" || first == "-" {
            sign = first == "-" ? -1 : 1
            rest = rest.dropFirst()
        }
        var parts: [Int] = []
        while parts.count < 3 {
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            guard (1...2).contains(digits.count), let value = Int(digits) else { break }
            parts.append(value)
            rest = rest.dropFirst(digits.count)
            guard rest.first == ":" else { break }
            rest = rest.dropFirst()
        }
        guard let hours = parts.first, hours <= 24 else { return nil }
        let minutes = parts.count > 1 ? parts[1] : 0
        let seconds = parts.count > 2 ? parts[2] : 0
        guard minutes < 60, seconds < 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60 + seconds)
    }
}
