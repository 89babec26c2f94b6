import Foundation

/// SM-2's quality of recall, 0 (blackout) to 5 (perfect).
public struct Grade: RawRepresentable, Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let rawValue: Int

    public init?(rawValue: Int) {
        guard (0...5).contains(rawValue) else { return nil }
        self.rawValue = rawValue
    }

    /// Parses "0"…"5"; nil for anything else.
    public init?(text: String) {
        guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else { return nil }
        self.init(rawValue: value)
    }

    public var description: String { String(rawValue) }
    public var isPass: Bool { rawValue >= 3 }

    public static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The six meanings, as shown in the review legend.
    public static let meanings: [String] = [
        "blackout", "wrong, answer familiar", "wrong, answer easy to recall",
        "right, with serious difficulty", "right, after hesitation", "perfect",
    ]
    public var meaning: String { Grade.meanings[rawValue] }
}
