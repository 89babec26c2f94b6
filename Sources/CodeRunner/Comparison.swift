import Foundation
import DeckFormat

/// Compares a result with the expected value under a case's compare mode.
enum Comparison {
    static func matches(_ actual: Value, _ expected: Value, mode: Exercise.Compare, tolerance: Double) -> Bool {
        switch mode {
        case .exact:
            return equal(actual, expected, tolerance: nil)
        case .float:
            return equal(actual, expected, tolerance: tolerance)
        case .unordered:
            guard case .array(let a) = actual, case .array(let e) = expected, a.count == e.count else {
                return equal(actual, expected, tolerance: nil)
            }
            return a.map(\.description).sorted() == e.map(\.description).sorted()
        case .anyOf:
            guard case .array(let options) = expected else { return false }
            return options.contains { equal(actual, $0, tolerance: nil) }
        }
    }

    /// Structural equality; numbers compare by value (`2` equals `2.0`), within `tolerance` when given
    /// (absolute or relative, whichever is looser).
    static func equal(_ a: Value, _ b: Value, tolerance: Double?) -> Bool {
        switch (a, b) {
        case (.array(let x), .array(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { equal($0, $1, tolerance: tolerance) }
        case (.int(let x), .int(let y)):
            return x == y
        case _ where a.number != nil && b.number != nil:
            guard let x = a.number, let y = b.number else { return false }
            if x.isNaN || y.isNaN { return x.isNaN && y.isNaN }
            guard let tolerance else { return x == y }
            return abs(x - y) <= tolerance * max(1, abs(y))
        default:
            return a == b
        }
    }
}
