import CGit2

/// A git object id (SHA-1), copied out of libgit2 into a value.
public struct ObjectID: Hashable, Sendable, CustomStringConvertible {
    /// 40 lowercase hex digits.
    public let hex: String

    init(_ oid: git_oid) {
        var copy = oid
        var buffer = [CChar](repeating: 0, count: 40)
        git_oid_fmt(&buffer, &copy)
        hex = String(decoding: buffer.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    init(_ pointer: UnsafePointer<git_oid>) { self.init(pointer.pointee) }

    /// Parses 40 hex digits; nil otherwise.
    public init?(hex: String) {
        guard hex.utf8.count == 40, hex.utf8.allSatisfy({ $0 < 128 && $0.isHexDigit }) else { return nil }
        self.hex = hex.lowercased()
    }

    var oid: git_oid {
        var oid = git_oid()
        _ = git_oid_fromstr(&oid, hex)
        return oid
    }

    /// The first 7 digits, as git abbreviates.
    public var short: String { String(hex.prefix(7)) }
    public var description: String { hex }
}

extension UInt8 {
    fileprivate var isHexDigit: Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(self)
            || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(self)
    }
}
