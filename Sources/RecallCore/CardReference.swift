/// A card as a user names it: `deck/id`, or a bare `id`, which stands for the one live card with
/// that id in any deck (an id held by two decks is ambiguous and refused).
public enum CardReference: Hashable, Sendable, CustomStringConvertible {
    case key(CardKey)
    case bare(String)

    /// Parses `deck/id` or a bare id (lowercase letters, digits and hyphens); nil for anything else.
    public init?(_ text: String) {
        if text.contains("/") {
            guard let key = CardKey(text) else { return nil }
            self = .key(key)
        } else {
            guard !text.isEmpty, text.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") })
            else { return nil }
            self = .bare(text)
        }
    }

    public var description: String {
        switch self {
        case .key(let key): key.description
        case .bare(let id): id
        }
    }
}
