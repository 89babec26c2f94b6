/// The fields of one protobuf message, read without a schema: enough for the few small messages
/// in an Anki package (the media map, the package's metadata, schema 18's note type and template
/// settings). Every length is checked against what is left before anything is sliced, so a
/// malformed message is an error, never a read past its bytes; groups (wire types 3 and 4),
/// long-gone from proto3, are refused.
struct ProtobufFields {
    enum Value: Equatable {
        case varint(UInt64)
        case bytes(ArraySlice<UInt8>)
        /// fixed32 and fixed64, which these messages do not use; kept only to be skipped.
        case fixed
    }

    struct Malformed: Error, Equatable {
        var reason: String
    }

    /// (field number, value), in the order the message holds them.
    let fields: [(number: UInt64, value: Value)]

    /// Reads `bytes` as one message of at most `maxFields` fields.
    init<Bytes: Collection<UInt8>>(_ bytes: Bytes, maxFields: Int = 1_000_000) throws where Bytes.Index == Int {
        let bytes = ArraySlice(bytes)
        var at = bytes.startIndex
        var fields: [(UInt64, Value)] = []
        while at < bytes.endIndex {
            guard fields.count < maxFields else { throw Malformed(reason: "more than \(maxFields) fields") }
            let key = try Self.varint(bytes, &at)
            let number = key >> 3
            guard number > 0, number <= 536_870_911 else { throw Malformed(reason: "field number \(number)") }
            switch key & 7 {
            case 0:
                fields.append((number, .varint(try Self.varint(bytes, &at))))
            case 1, 5:
                let size = key & 7 == 1 ? 8 : 4
                guard bytes.endIndex - at >= size else { throw Malformed(reason: "a fixed-size field is cut short") }
                at += size
                fields.append((number, .fixed))
            case 2:
                let length = try Self.varint(bytes, &at)
                guard length <= UInt64(bytes.endIndex - at) else {
                    throw Malformed(reason: "a field of \(length) bytes where \(bytes.endIndex - at) are left")
                }
                fields.append((number, .bytes(bytes[at..<(at + Int(length))])))
                at += Int(length)
            default:
                throw Malformed(reason: "wire type \(key & 7)")
            }
        }
        self.fields = fields
    }

    /// The last varint of field `number` (proto3 keeps the last of repeated scalars), or 0.
    func varint(_ number: UInt64) throws -> UInt64 {
        var result: UInt64 = 0
        for field in fields where field.number == number {
            guard case .varint(let value) = field.value else {
                throw Malformed(reason: "field \(number) is not a number")
            }
            result = value
        }
        return result
    }

    /// Every length-delimited value of field `number`, in order.
    func all(_ number: UInt64) throws -> [ArraySlice<UInt8>] {
        try fields.filter { $0.number == number }.map { field in
            guard case .bytes(let value) = field.value else { throw Malformed(reason: "field \(number) is not bytes") }
            return value
        }
    }

    /// The last string of field `number`, or nil; invalid UTF-8 is malformed.
    func string(_ number: UInt64) throws -> String? {
        guard let value = try all(number).last else { return nil }
        guard let text = String(validating: value, as: UTF8.self) else {
            throw Malformed(reason: "field \(number) is not UTF-8 text")
        }
        return text
    }

    /// A base-128 varint of at most 10 bytes.
    private static func varint(_ bytes: ArraySlice<UInt8>, _ at: inout Int) throws -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard at < bytes.endIndex else { throw Malformed(reason: "a number is cut short") }
            let byte = bytes[at]
            at += 1
            guard shift < 64, shift < 63 || byte <= 1 else { throw Malformed(reason: "a number longer than 64 bits") }
            result |= UInt64(byte & 0x7f) << shift
            if byte & 0x80 == 0 { return result }
            shift += 7
        }
    }
}
