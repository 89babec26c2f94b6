extension AnkiNoteType.Kind: Codable {
    /// The kind's name in Recall's JSON files: readable, and the same word Anki's own documents use.
    var name: String {
        switch self {
        case .standard: "std"
        case .cloze: "cloze"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let name = try container.decode(String.self)
        guard let kind = [Self.standard, .cloze].first(where: { $0.name == name }) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "'\(name)' is not a note type kind (std or cloze)")
        }
        self = kind
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name)
    }
}
