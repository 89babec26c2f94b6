#if canImport(Glibc)
    import Glibc
#endif

/// A key press, decoded from the terminal's bytes.
public enum Key: Equatable, Sendable {
    case character(Character)
    case enter, space, escape, backspace, tab
    case up, down, left, right, pageUp, pageDown, home, end
    case ctrl(Character)
}

/// Reads keys from a file descriptor in raw mode, with a timeout so the caller can react to resizes.
public struct KeyReader {
    public let fd: Int32
    private var pending: [UInt8] = []

    public init(fd: Int32) { self.fd = fd }

    /// The next key, or nil when `timeoutMs` passed without input (or input ended: see `atEnd`).
    public mutating func next(timeoutMs: Int32) -> Key? {
        if pending.isEmpty {
            guard wait(timeoutMs), fill() else { return nil }
        }
        return decode()
    }

    public private(set) var atEnd = false

    private func wait(_ timeoutMs: Int32) -> Bool {
        var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, timeoutMs) > 0
    }

    private mutating func fill() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 64)
        let n = read(fd, &buffer, buffer.count)
        if n <= 0 {
            if n == 0 { atEnd = true }
            return false
        }
        pending += buffer[0..<n]
        return true
    }

    private mutating func decode() -> Key? {
        guard let first = pending.first else { return nil }
        if first == 0x1B {
            if pending.count == 1 {
                // A lone ESC, or the start of a sequence still arriving: wait briefly for the rest.
                if wait(25) { _ = fill() }
                if pending.count == 1 {
                    pending.removeFirst()
                    return .escape
                }
            }
            if pending.count >= 3, pending[1] == UInt8(ascii: "[") || pending[1] == UInt8(ascii: "O") {
                var end = 2
                while end < pending.count, !(0x40...0x7E).contains(pending[end]) { end += 1 }
                guard end < pending.count else {
                    pending.removeAll()
                    return .escape
                }
                let body = String(decoding: pending[2...end], as: UTF8.self)
                pending.removeFirst(end + 1)
                switch body {
                case "A": return .up
                case "B": return .down
                case "C": return .right
                case "D": return .left
                case "H", "1~", "7~": return .home
                case "F", "4~", "8~": return .end
                case "5~": return .pageUp
                case "6~": return .pageDown
                default: return nil
                }
            }
            pending.removeFirst()
            return .escape
        }
        switch first {
        case 0x0D, 0x0A:
            pending.removeFirst()
            return .enter
        case 0x20:
            pending.removeFirst()
            return .space
        case 0x09:
            pending.removeFirst()
            return .tab
        case 0x7F, 0x08:
            pending.removeFirst()
            return .backspace
        case 0x01...0x1A:
            pending.removeFirst()
            return .ctrl(Character(Unicode.Scalar(first + 0x60)))
        default:
            break
        }
        // A UTF-8 character: 1 to 4 bytes.
        let length = first < 0x80 ? 1 : first >= 0xF0 ? 4 : first >= 0xE0 ? 3 : first >= 0xC0 ? 2 : 1
        if pending.count < length, wait(25) { _ = fill() }
        let take = min(length, pending.count)
        let text = String(decoding: pending[0..<take], as: UTF8.self)
        pending.removeFirst(take)
        return text.first.map { .character($0) }
    }
}
