import Foundation

/// A test-case value: what JSON (or YAML flow syntax) can write.
public indirect enum Value: Hashable, Sendable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([Value])

    /// Compact JSON text.
    public var description: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d):
            if d.isNaN { return "NaN" }
            if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
            if d == d.rounded(), abs(d) < 1e15 { return String(format: "%.1f", d) }
            return String(d)
        case .string(let s): return Value.quote(s)
        case .array(let items): return "[" + items.map(\.description).joined(separator: ",") + "]"
        }
    }

    /// A JSON string literal (also valid in Python, C++ and Swift source).
    public static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Parses JSON text (as the harnesses print it). Integers stay integers, so `1` and `1.0` are
    /// told apart where that matters. Arrays nested deeper than `JSONParser.maxDepth` are refused.
    public static func parse(json text: String) -> Value? {
        var parser = JSONParser(Array(text.utf8))
        guard let value = parser.value(), parser.atEnd else { return nil }
        return value
    }

    public var number: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
}

/// A parameter or return type of an exercise's signature.
public indirect enum ValueType: Hashable, Sendable, CustomStringConvertible {
    case int, double, bool, string, char, listNode, treeNode
    case array(ValueType)
    /// A node of the tree passed as parameter `tree`, written as its value (LeetCode's `p` and `q`).
    case nodeOf(tree: String)

    /// Parses `int`, `char`, `double[]`, `string[][]`, `ListNode`, `ListNode[]`, `TreeNode`, and
    /// `TreeNode in root` (a node of parameter `root`).
    public init?(_ text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.hasSuffix("[]") {
            guard let element = ValueType(String(trimmed.dropLast(2))) else { return nil }
            if case .nodeOf = element { return nil }
            self = .array(element)
            return
        }
        let words = trimmed.split(separator: " ")
        if words.count == 3, words[0] == "TreeNode", words[1] == "in" {
            self = .nodeOf(tree: String(words[2]))
            return
        }
        switch trimmed {
        case "int": self = .int
        case "char": self = .char
        case "double", "float": self = .double
        case "bool": self = .bool
        case "string": self = .string
        case "ListNode": self = .listNode
        case "TreeNode": self = .treeNode
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .int: return "int"
        case .double: return "double"
        case .bool: return "bool"
        case .string: return "string"
        case .char: return "char"
        case .listNode: return "ListNode"
        case .treeNode: return "TreeNode"
        case .array(let element): return element.description + "[]"
        case .nodeOf(let tree): return "TreeNode in " + tree
        }
    }

    /// Whether `value` is a valid value of this type (as written in a case).
    public func accepts(_ value: Value) -> Bool {
        switch (self, value) {
        case (.int, .int), (.bool, .bool), (.string, .string): return true
        case (.double, .int), (.double, .double): return true
        // One ASCII character: C++'s `char` is a byte.
        case (.char, .string(let s)): return s.unicodeScalars.count == 1 && s.unicodeScalars.allSatisfy(\.isASCII)
        // A node's value, or null where a result may be no node.
        case (.nodeOf, .int), (.nodeOf, .null): return true
        case (.listNode, .array(let items)):
            return items.allSatisfy { if case .int = $0 { return true } else { return false } }
        case (.treeNode, .array(let items)):
            return items.allSatisfy {
                switch $0 {
                case .int, .null: return true
                default: return false
                }
            }
        case (.array(let element), .array(let items)): return items.allSatisfy(element.accepts)
        default: return false
        }
    }
}

/// A small JSON reader for harness output (Foundation's turns `true` and `1` into the same NSNumber).
struct JSONParser {
    /// Deeper arrays are refused: the parser recurses once per level, and a learner's program can
    /// print a megabyte of `[` (found by Fuzz/, fuzz-harness-output: a stack overflow).
    static let maxDepth = 256

    let bytes: [UInt8]
    var i = 0
    var depth = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var atEnd: Bool {
        mutating get {
            skipSpace()
            return i == bytes.count
        }
    }

    mutating func skipSpace() {
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    mutating func literal(_ word: String) -> Bool {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { return false }
        i += w.count
        return true
    }

    mutating func value() -> Value? {
        skipSpace()
        guard i < bytes.count else { return nil }
        switch bytes[i] {
        case UInt8(ascii: "n"): return literal("null") ? .null : nil
        case UInt8(ascii: "t"): return literal("true") ? .bool(true) : nil
        case UInt8(ascii: "f"): return literal("false") ? .bool(false) : nil
        case UInt8(ascii: "N"): return literal("NaN") ? .double(.nan) : nil
        case UInt8(ascii: "I"): return literal("Infinity") ? .double(.infinity) : nil
        case UInt8(ascii: "\""): return string().map(Value.string)
        case UInt8(ascii: "["):
            guard depth < Self.maxDepth else { return nil }
            depth += 1
            defer { depth -= 1 }
            i += 1
            var items: [Value] = []
            skipSpace()
            if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                i += 1
                return .array(items)
            }
            while true {
                guard let item = value() else { return nil }
                items.append(item)
                skipSpace()
                guard i < bytes.count else { return nil }
                if bytes[i] == UInt8(ascii: ",") {
                    i += 1
                } else if bytes[i] == UInt8(ascii: "]") {
                    i += 1
                    return .array(items)
                } else {
                    return nil
                }
            }
        default:
            if literal("-Infinity") { return .double(-.infinity) }
            let start = i
            while i < bytes.count, "+-0123456789.eE".utf8.contains(bytes[i]) { i += 1 }
            let text = String(decoding: bytes[start..<i], as: UTF8.self)
            if let int = Int(text) { return .int(int) }
            return Double(text).map(Value.double)
        }
    }

    mutating func string() -> String? {
        i += 1
        var out: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            i += 1
            if b == UInt8(ascii: "\"") { return String(decoding: out, as: UTF8.self) }
            if b == UInt8(ascii: "\\"), i < bytes.count {
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "u"):
                    guard i + 4 <= bytes.count,
                        let code = UInt32(String(decoding: bytes[i..<(i + 4)], as: UTF8.self), radix: 16),
                        let scalar = Unicode.Scalar(code)
                    else { return nil }
                    i += 4
                    out += Array(String(Character(scalar)).utf8)
                default: out.append(e)
                }
            } else {
                out.append(b)
            }
        }
        return nil
    }
}
