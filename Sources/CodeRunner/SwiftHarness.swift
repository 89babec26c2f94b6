import DeckFormat
import Foundation

/// The Swift harness: inputs as Swift literals, the learner's code compiled as its own file
/// (`solution.swift`) beside the harness's, ListNode and TreeNode declared as LeetCode does.
enum SwiftHarness {
    static func make(_ exercise: Exercise, _ source: String) -> Harness {
        let useClass = Harness.definesSolutionClass(source)
        var calls = ""
        for (index, testCase) in exercise.cases.enumerated() {
            calls +=
                "do {\n" + body(exercise, testCase, useClass: useClass) + "    _report(\(index), \"OK \" + _r)\n}\n"
        }
        let types = """
            public class ListNode {
                public var val: Int
                public var next: ListNode?
                public init() { self.val = 0; self.next = nil }
                public init(_ val: Int) { self.val = val; self.next = nil }
                public init(_ val: Int, _ next: ListNode?) { self.val = val; self.next = next }
            }
            public class TreeNode {
                public var val: Int
                public var left: TreeNode?
                public var right: TreeNode?
                public init() { self.val = 0; self.left = nil; self.right = nil }
                public init(_ val: Int) { self.val = val; self.left = nil; self.right = nil }
                public init(_ val: Int, _ left: TreeNode?, _ right: TreeNode?) { self.val = val; self.left = left; self.right = right }
            }
            """
        let harness = """
            import Foundation

            let _out = fopen("results.txt", "w")
            func _report(_ i: Int, _ s: String) { fputs("RESULT \\(i) \\(s)\\n", _out); fflush(_out) }
            func _list(_ a: [Int]) -> ListNode? { var h: ListNode? = nil; for x in a.reversed() { h = ListNode(x, h) }; return h }
            func _tree(_ a: [Int?]) -> TreeNode? {
                guard let first = a.first, first != nil else { return nil }
                let n = a.map { $0.map { TreeNode($0) } }
                var k = 1
                for p in n { guard let p else { continue }; if k < n.count { p.left = n[k]; k += 1 }; if k < n.count { p.right = n[k]; k += 1 } }
                return n[0]
            }
            func _json(_ s: String) -> String {
                var o = "\\""
                for u in s.unicodeScalars { switch u { case "\\"": o += "\\\\\\""; case "\\\\": o += "\\\\\\\\"; case _ where u.value < 0x20: o += String(format: "\\\\u%04x", u.value); default: o.unicodeScalars.append(u) } }
                return o + "\\""
            }
            func _json(_ b: Bool) -> String { b ? "true" : "false" }
            func _json(_ i: Int) -> String { String(i) }
            func _json(_ d: Double) -> String {
                if d.isNaN { return "NaN" }; if d.isInfinite { return d > 0 ? "Infinity" : "-Infinity" }
                let s = "\\(d)"; return s.contains(".") || s.contains("e") ? s : s + ".0"
            }
            func _json(_ h: ListNode?) -> String { var o: [String] = []; var p = h; while let q = p, o.count < 100000 { o.append(String(q.val)); p = q.next }; return "[" + o.joined(separator: ",") + "]" }
            func _json(_ r: TreeNode?) -> String {
                var o: [String] = []; var q: [TreeNode?] = [r]; var i = 0
                while i < q.count { let p = q[i]; i += 1; if let p { o.append(String(p.val)); q.append(p.left); q.append(p.right) } else { o.append("null") } }
                while o.last == "null" { o.removeLast() }
                return "[" + o.joined(separator: ",") + "]"
            }
            func _json(_ a: [Int]) -> String { "[" + a.map { _json($0) }.joined(separator: ",") + "]" }
            func _json(_ a: [Double]) -> String { "[" + a.map { _json($0) }.joined(separator: ",") + "]" }
            func _json(_ a: [Bool]) -> String { "[" + a.map { _json($0) }.joined(separator: ",") + "]" }
            func _json(_ a: [String]) -> String { "[" + a.map { _json($0) }.joined(separator: ",") + "]" }
            func _json(_ a: [[Int]]) -> String { "[" + a.map { _json($0) }.joined(separator: ",") + "]" }
            func _json(_ a: [[Double]]) -> String { "[" + a.map { _json($0) }.joined(separator: ",") + "]" }
            func _json(_ a: [[String]]) -> String { "[" + a.map { _json($0) }.joined(separator: ",") + "]" }
            func _json(_ c: Character) -> String { _json(String(c)) }
            func _json(_ a: [Character]) -> String { "[" + a.map { _json($0) }.joined(separator: ",") + "]" }
            func _json(_ a: [[Character]]) -> String { "[" + a.map { _json($0) }.joined(separator: ",") + "]" }
            func _json(_ a: [[Bool]]) -> String { "[" + a.map { _json($0) }.joined(separator: ",") + "]" }
            func _json(_ a: [ListNode?]) -> String { "[" + a.map { _json($0) }.joined(separator: ",") + "]" }
            func _json(_ a: [TreeNode?]) -> String { "[" + a.map { _json($0) }.joined(separator: ",") + "]" }
            // The node of `r` holding `v` (the exercise checks on load that there is one).
            func _node(_ r: TreeNode?, _ v: Int) -> TreeNode? {
                var s: [TreeNode?] = [r]
                while let n = s.popLast() { if let n { if n.val == v { return n }; s.append(n.left); s.append(n.right) } }
                return nil
            }
            // A returned node is reported by its value, and only if it is a node of the tree.
            func _nodeValue(_ r: TreeNode?, _ x: TreeNode?) -> String {
                guard let x else { return "null" }
                var s: [TreeNode?] = [r]
                while let n = s.popLast() { if let n { if n === x { return String(n.val) }; s.append(n.left); s.append(n.right) } }
                return _json("a node that is not in the tree")
            }
            // After encoding, the input is spoilt so that a decoder cannot hand it back.
            func _poison(_ r: TreeNode?) { var s: [TreeNode?] = [r]; while let n = s.popLast() { if let n { n.val = -987654321; s.append(n.left); s.append(n.right) } } }
            func _poison(_ h: ListNode?) { var p = h; while let n = p { n.val = -987654321; p = n.next } }
            func _poison<T>(_ v: T) {}
            \(calls)
            """
        // The learner's code is a file of its own, so that its errors (an unclosed brace) stay in it
        // and name its lines; `-g` lets a crash's backtrace name them too. Foundation is imported into
        // it implicitly, as LeetCode does (and as when the code was spliced into main.swift).
        return Harness(
            files: ["harness-types.swift": types, "solution.swift": source, "main.swift": harness],
            compile: [
                SwiftToolchain.locate()?.compiler ?? "/opt/swift/usr/bin/swiftc", "-Onone", "-g", "-Xfrontend",
                "-import-module",
                "-Xfrontend", "Foundation", "-module-cache-path",
                "/work/.cache", "-o", "main", "harness-types.swift", "solution.swift", "main.swift",
            ],
            run: ["./main"], runEnvironment: ["SWIFT_BACKTRACE": backtraceSettings], solutionName: "solution.swift")
    }

    /// The runtime's own backtracer, told to print the crashed thread's frames with file and line
    /// (read by `CrashMessage`) and nothing the learner cannot use: no registers, no image list.
    static let backtraceSettings =
        "enable=yes,interactive=no,color=no,preset=friendly,threads=crashed,registers=none,images=none,sanitize=no"

    /// Statements that run one case and leave its JSON result in `_r`.
    static func body(_ exercise: Exercise, _ testCase: Exercise.Case, useClass: Bool) -> String {
        if let design = exercise.design, let roundTrip = design.roundTrip, let type = exercise.parameters.first?.type {
            return """
                    let _a0 = \(literal(testCase.input[0], type))
                    let _s: String = \(design.className)().\(roundTrip.encode)(_a0)
                    _poison(_a0)
                    let _r = _json(\(design.className)().\(roundTrip.decode)(String(decoding: Array(_s.utf8), as: UTF8.self)))

                """
        }
        if let design = exercise.design {
            return calls(design, testCase)
        }
        var lines = ""
        var names: [String] = []
        for (k, (value, parameter)) in zip(testCase.input, exercise.parameters).enumerated() {
            if case .nodeOf(let tree) = parameter.type,
                let index = exercise.parameters.firstIndex(where: { $0.name == tree })
            {
                lines += "    let _a\(k) = _node(_a\(index), \(value.description))\n"
            } else {
                lines += "    let _a\(k) = \(literal(value, parameter.type))\n"
            }
            names.append("_a\(k)")
        }
        let call = (useClass ? "Solution()." : "") + exercise.function + "(" + names.joined(separator: ", ") + ")"
        if case .nodeOf(let tree) = exercise.returns,
            let index = exercise.parameters.firstIndex(where: { $0.name == tree })
        {
            return lines + "    let _r = _nodeValue(_a\(index), \(call))\n"
        }
        return lines + "    let _r = _json(\(call))\n"
    }

    /// A design case's calls in order: the constructor, then each method, its result as JSON or
    /// `null` for a void one; the list ends up in `_r`.
    static func calls(_ design: Design, _ testCase: Exercise.Case) -> String {
        guard case .array(let operations) = testCase.input[0], case .array(let argumentLists) = testCase.input[1] else {
            return ""
        }
        var lines = "    var _out: [String] = []\n"
        for (operation, arguments) in zip(operations, argumentLists) {
            guard case .string(let name) = operation, case .array(let values) = arguments else { continue }
            let method = design.method(name)
            let types = (method?.parameters ?? design.constructor).map(\.type)
            let args = zip(values, types).map { literal($0, $1) }.joined(separator: ", ")
            if method == nil {
                lines += "    let _o = \(design.className)(\(args))\n    _out.append(\"null\")\n"
            } else if method?.returns == nil {
                lines += "    _ = _o.\(name)(\(args))\n    _out.append(\"null\")\n"
            } else {
                lines += "    _out.append(_json(_o.\(name)(\(args))))\n"
            }
        }
        return lines + "    let _r = \"[\" + _out.joined(separator: \",\") + \"]\"\n"
    }

    static func literal(_ v: Value, _ t: ValueType) -> String {
        switch (t, v) {
        case (.listNode, .array(let items)): return "_list([" + items.map(\.description).joined(separator: ", ") + "])"
        case (.treeNode, .array(let items)):
            return "_tree([" + items.map { $0 == .null ? "nil" : $0.description }.joined(separator: ", ")
                + "] as [Int?])"
        case (.array(let e), .array(let items)):
            let inner = items.map { literal($0, e) }.joined(separator: ", ")
            return "([" + inner + "] as \(type(t)))"
        case (.double, _):
            guard let d = v.number else { return "0.0" }
            if d.isNaN { return "Double.nan" }
            if d.isInfinite { return d > 0 ? "Double.infinity" : "-Double.infinity" }
            return "(\(String(format: "%.17g", d)) as Double)"
        case (.string, .string(let s)): return Value.quote(s)
        case (.char, .string(let s)): return "(\(Value.quote(s)) as Character)"
        default: return v.description
        }
    }

    static func type(_ t: ValueType) -> String {
        switch t {
        case .int: return "Int"
        case .double: return "Double"
        case .bool: return "Bool"
        case .string: return "String"
        case .char: return "Character"
        case .listNode: return "ListNode?"
        case .treeNode, .nodeOf: return "TreeNode?"
        case .array(let e): return "[\(type(e))]"
        }
    }
}
