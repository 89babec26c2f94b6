import Foundation
import RecallCore
internal import Yams

/// A coding exercise: its signature, test cases and limits (docs/EXERCISE-FORMAT.md).
public struct Exercise: Sendable {
    public struct Parameter: Sendable, Hashable {
        public var name: String
        public var type: ValueType
    }

    public enum Compare: String, Sendable {
        case exact
        case float
        case unordered
        case anyOf = "any-of"
    }

    public struct Case: Sendable {
        public var name: String
        public var input: [Value]
        public var expected: Value
        public var hidden: Bool
        public var compare: Compare
    }

    public struct Limits: Sendable, Equatable {
        public var cpuSeconds: Double = 2
        public var memoryMB: Int = 512
        public var outputKB: Int = 1024
    }

    public var id: String
    public var title: String
    public var tags: [String]
    public var prompt: String
    public var function: String
    public var parameters: [Parameter]
    public var returns: ValueType
    public var tolerance: Double
    public var limits: Limits
    public var cases: [Case]
    public var folder: URL
    /// Set for a design problem (`class:`); `function` is then the class's name.
    public var design: Design?

    /// Languages with a reference solution in the folder (`solution.py`, …).
    public var languages: [Language] {
        Language.allCases.filter {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("solution.\($0.fileExtension)").path)
        }
    }

    public func file(_ kind: String, _ language: Language) -> URL {
        folder.appendingPathComponent("\(kind).\(language.fileExtension)")
    }

    /// Reads `exercise.yaml` and `prompt.md` from `folder`; problems are reported as `file:line: message`.
    public static func load(folder: URL, displayPath: String? = nil) throws -> Exercise {
        let yamlURL = folder.appendingPathComponent("exercise.yaml")
        let file = displayPath ?? yamlURL.path
        func fail(_ line: Int, _ message: String) -> DeckIssue { DeckIssue(file: file, line: line, message: message) }
        let text: String
        switch DeckFile.readText(yamlURL) {
        case .success(let value): text = value
        case .failure(let failure): throw fail(0, "exercise.yaml \(failure.message)")
        }
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: text) else { throw fail(1, "exercise.yaml is empty") }
            root = node
        } catch let issue as DeckIssue {
            throw issue
        } catch {
            throw fail(0, "bad YAML: \(error)")
        }
        guard let map = root.mapping else {
            throw fail(1, "expected a mapping (id, title, function, params, returns, cases)")
        }
        func line(_ node: Node?) -> Int { node?.mark?.line ?? 1 }

        let id = map["id"]?.string ?? folder.lastPathComponent
        guard Identifier.isValid(id) else {
            throw fail(line(map["id"]), "invalid exercise id '\(id)': use a-z, 0-9 and '-'")
        }
        func parameterList(_ node: Node?, _ what: String) throws -> [Parameter] {
            guard let node else { return [] }
            guard let list = node.sequence else { throw fail(line(node), "\(what) must be a list of {name, type}") }
            return try list.map { p in
                guard let name = p.mapping?["name"]?.string, let typeText = p.mapping?["type"]?.string else {
                    throw fail(line(p), "each parameter needs a name and a type")
                }
                guard let type = ValueType(typeText) else {
                    throw fail(
                        line(p),
                        "unknown type '\(typeText)' (int, double, bool, string, char, T[], ListNode, TreeNode, "
                            + "TreeNode in PARAM)")
                }
                return Parameter(name: name, type: type)
            }
        }
        let function: String
        var parameters: [Parameter]
        let returns: ValueType
        let design: Design?
        if let classNode = map["class"] {
            guard let className = classNode.string, !className.isEmpty else {
                throw fail(line(classNode), "`class:` must name the class the solution defines")
            }
            let loaded = try Self.design(
                className, map, file: file, parameters: { try parameterList($0, $1) }, line: line)
            design = loaded
            function = className
            if let roundTrip = loaded.roundTrip, let encode = loaded.method(roundTrip.encode),
                let decode = loaded.method(roundTrip.decode), let decoded = decode.returns
            {
                (parameters, returns) = (encode.parameters, decoded)
            } else {
                // A case is [operations, arguments]; Design.mismatch checks it against the methods.
                parameters = [
                    Parameter(name: "operations", type: .array(.string)),
                    Parameter(name: "arguments", type: .array(.array(.int))),
                ]
                returns = .array(.int)
            }
        } else {
            guard let name = map["function"]?.string, !name.isEmpty else {
                throw fail(1, "missing `function:` (the name the solution defines) or `class:`")
            }
            guard map["params"]?.sequence != nil else { throw fail(1, "missing `params:` (a list of {name, type})") }
            parameters = try parameterList(map["params"], "`params:`")
            guard let returnsText = map["returns"]?.string, let type = ValueType(returnsText) else {
                throw fail(line(map["returns"]), "missing or unknown `returns:` type")
            }
            (function, returns, design) = (name, type, nil)
        }
        for (index, parameter) in parameters.enumerated() {
            if case .nodeOf(let tree) = parameter.type,
                !parameters[..<index].contains(where: { $0.name == tree && $0.type == .treeNode })
            {
                throw fail(1, "parameter \(parameter.name): '\(tree)' must be an earlier TreeNode parameter")
            }
        }
        if case .nodeOf(let tree) = returns, !parameters.contains(where: { $0.name == tree && $0.type == .treeNode }) {
            throw fail(line(map["returns"]), "returns: '\(tree)' must be a TreeNode parameter")
        }
        let defaultCompare = try compare(map["compare"], file: file) ?? .exact
        let tolerance = map["tolerance"]?.float ?? 1e-6
        var limits = Limits()
        if let l = map["limits"]?.mapping {
            // Each from above 0 up to its maximum (DeckLimits): the exercise may come from a stranger.
            func bounded<T: Comparable & Numeric>(_ key: String, _ value: (Node) -> T?, max: T, unit: String) throws
                -> T?
            {
                guard let node = l[key] else { return nil }
                guard let number = value(node), number > 0, number <= max else {
                    throw fail(
                        line(node),
                        "limits.\(key) must be a number above 0 and at most \(max) (\(unit)); got '\(node.string ?? "")'"
                    )
                }
                return number
            }
            if let v = try bounded(
                "cpu_seconds", \.float, max: DeckLimits.maxExerciseCPUSeconds, unit: "seconds of CPU")
            {
                limits.cpuSeconds = v
            }
            if let v = try bounded("memory_mb", \.int, max: DeckLimits.maxExerciseMemoryMB, unit: "MiB") {
                limits.memoryMB = v
            }
            if let v = try bounded("output_kb", \.int, max: DeckLimits.maxExerciseOutputKB, unit: "KiB") {
                limits.outputKB = v
            }
        }
        guard let caseNodes = map["cases"]?.sequence, !caseNodes.isEmpty else { throw fail(1, "no `cases:`") }
        var cases: [Case] = []
        for (index, node) in caseNodes.enumerated() {
            guard let c = node.mapping else {
                throw fail(line(node), "a case must be a mapping with input and expected")
            }
            let name = c["name"]?.string ?? "case-\(index + 1)"
            guard let inputNode = c["input"], let inputs = inputNode.sequence else {
                throw fail(line(node), "case '\(name)': `input` must be a list with one value per parameter")
            }
            guard inputs.count == parameters.count else {
                throw fail(line(inputNode), "case '\(name)': \(inputs.count) inputs for \(parameters.count) parameters")
            }
            let values = try inputs.map { try value($0, file: file) }
            guard let expectedNode = c["expected"] else { throw fail(line(node), "case '\(name)': missing `expected`") }
            let expected = try value(expectedNode, file: file)
            if let design, design.roundTrip == nil {
                if let problem = design.mismatch(input: values, expected: expected) {
                    throw fail(line(inputNode), "case '\(name)': \(problem)")
                }
                cases.append(
                    Case(
                        name: name, input: values, expected: expected, hidden: c["hidden"]?.bool ?? false,
                        compare: try compare(c["compare"], file: file) ?? defaultCompare))
                continue
            }
            for (value, parameter) in zip(values, parameters) where !parameter.type.accepts(value) {
                throw fail(
                    line(inputNode), "case '\(name)': \(value) is not a \(parameter.type) (parameter \(parameter.name))"
                )
            }
            if let problem = Self.nodeReferenceProblem(values, parameters) {
                throw fail(line(inputNode), "case '\(name)': \(problem)")
            }
            let mode = try compare(c["compare"], file: file) ?? defaultCompare
            let candidates: [Value]
            if mode == .anyOf {
                guard case .array(let options) = expected else {
                    throw fail(line(expectedNode), "case '\(name)': any-of needs `expected` to be a list of answers")
                }
                candidates = options
            } else {
                candidates = [expected]
            }
            for candidate in candidates where !returns.accepts(candidate) {
                throw fail(line(expectedNode), "case '\(name)': expected \(candidate) is not a \(returns)")
            }
            cases.append(
                Case(name: name, input: values, expected: expected, hidden: c["hidden"]?.bool ?? false, compare: mode))
        }
        let prompt = (try? DeckFile.readText(folder.appendingPathComponent("prompt.md")).get()) ?? ""
        return Exercise(
            id: id, title: map["title"]?.string ?? id, tags: map["tags"]?.sequence?.compactMap(\.string) ?? [],
            prompt: prompt, function: function, parameters: parameters, returns: returns, tolerance: tolerance,
            limits: limits, cases: cases, folder: folder, design: design)
    }

    /// `class:` with its `constructor:`, `methods:` and optional `round_trip: [encode, decode]`.
    private static func design(
        _ className: String, _ map: Node.Mapping, file: String,
        parameters: (Node?, String) throws -> [Parameter], line: (Node?) -> Int
    ) throws -> Design {
        func fail(_ node: Node?, _ message: String) -> DeckIssue {
            DeckIssue(file: file, line: line(node), message: message)
        }
        guard let methodsNode = map["methods"], let methodMap = methodsNode.mapping, !methodMap.isEmpty else {
            throw fail(map["class"], "a `class:` needs `methods:` (name: {params, returns})")
        }
        var methods: [Design.Method] = []
        for (key, body) in methodMap {
            guard let name = key.string, !name.isEmpty, let fields = body.mapping else {
                throw fail(key, "each method is `name: {params: [...], returns: TYPE or void}`")
            }
            let returns: ValueType?
            switch fields["returns"]?.string {
            case nil, "void": returns = nil
            case let text?:
                guard let type = ValueType(text) else { throw fail(fields["returns"], "unknown type '\(text)'") }
                returns = type
            }
            methods.append(
                Design.Method(name: name, parameters: try parameters(fields["params"], "params"), returns: returns))
        }
        var design = Design(
            className: className, constructor: try parameters(map["constructor"], "`constructor:`"), methods: methods)
        if let node = map["round_trip"] {
            guard let names = node.sequence?.compactMap(\.string), names.count == 2,
                let encode = design.method(names[0]), let decode = design.method(names[1])
            else { throw fail(node, "round_trip must name two of the methods: [encode, decode]") }
            // The encoded form must be a string, so that a solution cannot hand the value itself across.
            guard encode.parameters.count == 1, encode.returns == .string,
                decode.parameters.map(\.type) == [ValueType.string], decode.returns == encode.parameters[0].type
            else {
                throw fail(
                    node,
                    "round_trip: \(encode.name) takes one value and returns a string; \(decode.name) "
                        + "takes that string and returns a value of the same type")
            }
            design.roundTrip = (encode.name, decode.name)
        }
        return design
    }

    /// Why a `TreeNode in PARAM` input does not name exactly one node of that tree, or nil.
    private static func nodeReferenceProblem(_ values: [Value], _ parameters: [Parameter]) -> String? {
        for (value, parameter) in zip(values, parameters) {
            guard case .nodeOf(let tree) = parameter.type else { continue }
            guard let index = parameters.firstIndex(where: { $0.name == tree }),
                case .array(let nodes) = values[index]
            else { continue }
            let count = nodes.filter { $0 == value }.count
            if count != 1 {
                return "\(parameter.name) = \(value) must be the value of exactly one node of \(tree) (found \(count))"
            }
        }
        return nil
    }

    private static func compare(_ node: Node?, file: String) throws -> Compare? {
        guard let node else { return nil }
        guard let text = node.string, let mode = Compare(rawValue: text) else {
            throw DeckIssue(
                file: file, line: node.mark?.line ?? 1, message: "compare must be exact, float, unordered or any-of")
        }
        return mode
    }

    private static func value(_ node: Node, file: String) throws -> Value {
        switch node {
        case .sequence(let seq): return .array(try seq.map { try value($0, file: file) })
        case .mapping:
            throw DeckIssue(file: file, line: node.mark?.line ?? 1, message: "objects are not supported as values")
        case .scalar(let scalar):
            if scalar.style == .singleQuoted || scalar.style == .doubleQuoted { return .string(scalar.string) }
            if node.null != nil { return .null }
            if let b = node.bool { return .bool(b) }
            if let i = node.int { return .int(i) }
            if let d = node.float { return .double(d) }
            return .string(scalar.string)
        default:
            throw DeckIssue(file: file, line: node.mark?.line ?? 1, message: "YAML aliases are not supported in cases")
        }
    }
}

/// The languages a solution can be written in.
public enum Language: String, CaseIterable, Sendable {
    case python, swift, cpp

    public var fileExtension: String {
        switch self {
        case .python: return "py"
        case .swift: return "swift"
        case .cpp: return "cpp"
        }
    }

    /// From a file name's extension or a user's word ("py", "python", "c++").
    public init?(name: String) {
        switch name.lowercased() {
        case "py", "python", "python3": self = .python
        case "swift": self = .swift
        case "cpp", "c++", "cc", "cxx": self = .cpp
        default: return nil
        }
    }
}
