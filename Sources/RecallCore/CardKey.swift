/// A card's stable identity across edits, moves and machines: `deck/id`.
public struct CardKey: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let deck: String
    public let id: String

    public init(deck: String, id: String) {
        self.deck = deck
        self.id = id
    }

    /// Parses `deck/id`; nil when either part is missing or not a valid identifier.
    public init?(_ text: String) {
        guard let slash = text.firstIndex(of: "/") else { return nil }
        let deck = String(text[..<slash])
        let id = String(text[text.index(after: slash)...])
        guard Identifier.isValid(deck), Identifier.isValid(id) else { return nil }
        self.init(deck: deck, id: id)
    }

    public var description: String { "\(deck)/\(id)" }

    public static func < (lhs: CardKey, rhs: CardKey) -> Bool {
        (lhs.deck, lhs.id) < (rhs.deck, rhs.id)
    }

    public init(from decoder: any Decoder) throws {
        self = try TextCoding.decode(decoder, expected: "a card key") { CardKey($0) }
    }

    public func encode(to encoder: any Encoder) throws { try TextCoding.encode(description, to: encoder) }
}

/// The rules for deck and card ids: lowercase ASCII letters, digits and `-`, not starting with `-`.
public enum Identifier {
    public static func isValid(_ text: String) -> Bool {
        guard let first = text.utf8.first, first != UInt8(ascii: "-"), text.utf8.count <= 100 else { return false }
        return text.utf8.allSatisfy { byte in
            (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z"))
                || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || byte == UInt8(ascii: "-")
        }
    }

    /// A valid id made from free text ("LoRA 的原理?" → "lora"); empty when nothing usable remains.
    public static func slug(_ text: String) -> String {
        var out = ""
        var pendingDash = false
        for scalar in text.lowercased().unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                if pendingDash && !out.isEmpty { out.append("-") }
                pendingDash = false
                out.unicodeScalars.append(scalar)
            } else {
                pendingDash = true
            }
            if out.utf8.count >= 48 { break }
        }
        return out
    }
}
