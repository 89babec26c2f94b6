import Foundation

/// What a crashed program's runtime said, cut down for the learner: the runtime's own message
/// (Swift's "Fatal error: Index out of range") and the first line of the learner's file in the
/// crashed thread's backtrace, with that line's text when the backtrace quotes it. Registers,
/// addresses and frames in the runtime are left out.
enum CrashMessage {
    /// nil when the output holds neither a runtime message nor a frame in the learner's file.
    static func summary(_ stderr: String, solution: String) -> String? {
        let lines = stderr.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var said: String?
        if let fatal = lines.first(where: { $0.contains("Fatal error:") }),
            let range = fatal.range(of: "Fatal error:")
        {
            // Where the runtime itself failed (`Swift/ContiguousArrayBuffer.swift:692`) is not the learner's.
            said = String(fatal[range.lowerBound...])
        } else if let crashed = lines.first(where: { $0.contains("*** Program crashed:") }) {
            // `*** Program crashed: Bad pointer dereference at 0x… ***`
            var text = crashed.replacingOccurrences(of: "*** ", with: "").replacingOccurrences(of: " ***", with: "")
            if let address = text.range(of: " at 0x") { text = String(text[..<address.lowerBound]) }
            said = text.trimmingCharacters(in: .whitespaces)
        }
        let place = learnerFrame(lines, solution: solution)
        guard said != nil || place != nil else { return nil }
        var summary = said ?? "the program crashed"
        if let place {
            summary += " at \(place.location)"
            if let code = place.code { summary += "\n    " + code }
        }
        return summary
    }

    /// The first frame in the learner's file (`… at /work/solution.swift:4:13`) and the line the
    /// backtrace quotes under it (`*   4|         _ = a[n + 10]`).
    static func learnerFrame(_ lines: [String], solution: String) -> (location: String, code: String?)? {
        for (index, line) in lines.enumerated() {
            guard let at = line.range(of: " at /work/\(solution):") ?? line.range(of: " at \(solution):") else {
                continue
            }
            let position = line[at.upperBound...].prefix { $0.isNumber || $0 == ":" }
            let lineNumber = position.split(separator: ":").first.map(String.init) ?? ""
            guard !lineNumber.isEmpty else { continue }
            var code: String?
            // The excerpt follows within a few lines; its marked line is the one that failed.
            for excerpt in lines.dropFirst(index + 1).prefix(8) {
                let trimmed = excerpt.trimmingCharacters(in: .whitespaces)
                guard trimmed.hasPrefix("*"), let bar = trimmed.firstIndex(of: "|") else { continue }
                let text = trimmed[trimmed.index(after: bar)...].trimmingCharacters(in: .whitespaces)
                if !text.isEmpty { code = text }
                break
            }
            return ("\(solution):\(position.hasSuffix(":") ? String(position.dropLast()) : String(position))", code)
        }
        return nil
    }
}
