import Foundation

/// A compiler's output cut down to what the learner can act on: the errors in their own file, with
/// the excerpts the compiler printed under them. Errors in the harness's files are noise to the
/// learner (a missing brace used to give dozens of them); they are shown only as a last resort,
/// without their file or lines, when the learner's file has none (its code compiles, but does not
/// have what the harness calls).
enum CompilerMessage {
    /// At most this many lines are shown.
    static let maxLines = 40

    /// One diagnostic: its header line (`file:line:col: severity: text`) and the lines under it.
    struct Diagnostic: Equatable {
        var file: String
        var severity: String
        var text: String
        var lines: [String]
    }

    static func forLearner(_ output: String, solution: String, function: String) -> String {
        let found = diagnostics(in: output.replacingOccurrences(of: "/work/", with: ""))
        var seen: [Diagnostic] = []
        // A compiler may print one diagnostic twice (swiftc's module and object jobs both do).
        for diagnostic in found where !seen.contains(diagnostic) { seen.append(diagnostic) }
        let own = seen.filter { $0.file == solution && $0.severity != "warning" }
        if !own.isEmpty {
            return own.flatMap(\.lines).prefix(maxLines).joined(separator: "\n")
        }
        let errors = seen.filter { $0.severity == "error" }.map(\.text)
        guard !errors.isEmpty else {
            // Nothing in the usual form (a crash of the compiler, a timeout): its last words.
            let said = output.split(separator: "\n").suffix(maxLines / 2).joined(separator: "\n")
            return said.replacingOccurrences(of: "/work/", with: "")
        }
        var unique: [String] = []
        for error in errors where !unique.contains(error) { unique.append(error) }
        return
            "\(solution) compiles, but the checker cannot call `\(function)` as the exercise declares it; "
            + "keep the starter's name, parameters and return type (`recall exercise` writes the starter):\n"
            + unique.prefix(maxLines / 4).map { "error: " + $0 }.joined(separator: "\n")
    }

    /// The diagnostics in a compiler's output; lines before the first are dropped.
    static func diagnostics(in output: String) -> [Diagnostic] {
        var result: [Diagnostic] = []
        for line in output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let header = header(line) {
                result.append(
                    Diagnostic(file: header.file, severity: header.severity, text: header.text, lines: [line]))
            } else if !result.isEmpty, !line.isEmpty {
                result[result.count - 1].lines.append(line)
            }
        }
        return result
    }

    /// `file:line:col: severity: text` (swiftc, g++ and clang all start a diagnostic so).
    static func header(_ line: String) -> (file: String, severity: String, text: String)? {
        let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
        guard parts.count == 5, !parts[0].isEmpty, !parts[0].hasPrefix(" "), Int(parts[1]) != nil,
            Int(parts[2]) != nil
        else { return nil }
        let severity = parts[3].trimmingCharacters(in: .whitespaces)
        guard ["error", "fatal error", "warning", "note", "remark"].contains(severity) else { return nil }
        return (String(parts[0]), severity, parts[4].trimmingCharacters(in: .whitespaces))
    }
}
