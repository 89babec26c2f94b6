/// Codable for values written as one string (a card key, a study day): the text form, and a
/// decoding error that says what the text should have been.
enum TextCoding {
    /// Decodes a string and reads it with `read`; `expected` names the form ("a card key").
    static func decode<Value>(_ decoder: any Decoder, expected: String, _ read: (String) -> Value?) throws -> Value {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = read(text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "not \(expected): \(text)"))
        }
        return value
    }

    static func encode(_ text: String, to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }
}
