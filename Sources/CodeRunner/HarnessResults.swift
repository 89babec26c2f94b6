import DeckFormat

/// What a harness wrote to `results.txt`, one line each: `RESULT <case> OK <json>`,
/// `RESULT <case> ERR <kind> <json message>`, or `COMPILE <json message>`. The learner's program can
/// write anything there: a line that does not parse is skipped.
public struct HarnessResults: Sendable, Equatable {
    /// What one case came back with.
    public enum Case: Sendable, Equatable {
        /// The solution returned this value (JSON, read by the judge).
        case returned(json: String)
        /// It failed: `kind` is `memory`, `exception` or whatever the harness named.
        case failed(kind: String, message: String)
    }

    /// Set when the harness reported that the solution did not compile; its message when the line
    /// held a JSON string. Lines after it are not read.
    public var compileFailure: CompileFailure?
    /// By case index; the last line for an index wins.
    public var cases: [Int: Case] = [:]

    public struct CompileFailure: Sendable, Equatable {
        public var message: String?

        public init(message: String?) { self.message = message }
    }

    public init(compileFailure: CompileFailure? = nil, cases: [Int: Case] = [:]) {
        self.compileFailure = compileFailure
        self.cases = cases
    }

    public static func parse(_ text: String) -> HarnessResults {
        var results = HarnessResults()
        for line in text.split(separator: "\n") {
            if line.hasPrefix("COMPILE ") {
                let message = Value.parse(json: String(line.dropFirst(8))).flatMap { value -> String? in
                    if case .string(let s) = value { return s } else { return nil }
                }
                results.compileFailure = CompileFailure(message: message)
                return results
            }
            if let (index, outcome) = parseResult(line) { results.cases[index] = outcome }
        }
        return results
    }

    /// One `RESULT` line, or nil when it is not one.
    private static func parseResult(_ line: Substring) -> (Int, Case)? {
        let parts = line.split(separator: " ", maxSplits: 3).map(String.init)
        guard parts.count >= 3, parts[0] == "RESULT", let index = Int(parts[1]) else { return nil }
        if parts[2] == "OK" { return (index, .returned(json: parts.count > 3 ? parts[3] : "")) }
        guard parts.count == 4 else { return nil }
        let rest = parts[3].split(separator: " ", maxSplits: 1).map(String.init)
        // The message is JSON; a string is shown as is, another value as JSON, text that is not JSON raw.
        let message =
            rest.count > 1
            ? Value.parse(json: rest[1]).map { value -> String in
                if case .string(let s) = value { return s }
                return value.description
            } ?? rest[1] : ""
        return (index, .failed(kind: rest.first ?? "exception", message: message))
    }
}
