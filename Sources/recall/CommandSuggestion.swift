import ArgumentParser

/// What the parser alone would say unhelpfully: a mistyped command name (it reads the next word as
/// an unknown option), and a negative number where a value belongs (it reads `-1` as an option).
enum CommandSuggestion {
    /// The names of `recall`'s commands.
    static var commandNames: [String] {
        Recall.configuration.subcommands.compactMap { $0.configuration.commandName ?? defaultName(of: $0) }
    }

    /// The parser's name for a command without an explicit one: its type name, lowercased, words
    /// joined by dashes (`ProgressCommand` has an explicit name).
    private static func defaultName(of command: ParsableCommand.Type) -> String {
        String(describing: command).lowercased()
    }

    /// A usage error for a first word that is no command, naming the nearest one when it is close.
    static func unknownCommand(in arguments: [String]) -> String? {
        guard let word = arguments.first, !word.hasPrefix("-"), !commandNames.contains(word), word != "help" else {
            return nil
        }
        // Nearest by edits, then by length (`dew` is `due` rather than `deck`).
        let nearest = commandNames.map { ($0, distance(word, $0)) }.min {
            ($0.1, abs($0.0.count - word.count)) < ($1.1, abs($1.0.count - word.count))
        }
        var message = "Error: '\(word)' is not a recall command."
        if let nearest, nearest.1 <= max(2, word.count / 3) { message += " Did you mean '\(nearest.0)'?" }
        return message + "\n`recall --help` lists the commands."
    }

    /// A clearer message when the parser missed a grade because it was written as `-1` (it reads
    /// that as an option, then finds no grade).
    static func negativeGrade(in arguments: [String], parserMessage: String) -> String? {
        guard arguments.first == "answer", parserMessage.contains("Missing expected argument '<grade>'"),
            let bad = arguments.first(where: isNegativeNumber)
        else { return nil }
        return "Error: '\(bad)' is not a grade: a grade is a whole number from 0 (blackout) to 5 (perfect).\n"
            + Recall.usageString(for: Recall.Answer.self)
    }

    private static func isNegativeNumber(_ text: String) -> Bool {
        text.count > 1 && text.first == "-" && text.dropFirst().allSatisfy(\.isNumber)
    }

    /// Levenshtein distance, on characters.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        var previous = Array(0...b.count)
        for (i, x) in a.enumerated() {
            var current = [i + 1]
            for (j, y) in b.enumerated() {
                current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
            }
            previous = current
        }
        return previous[b.count]
    }
}
