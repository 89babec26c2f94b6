import ArgumentParser
import Foundation
import Notebook
import RecallCore

/// The `recall` command: argument parsing and printing only; the work is in `Notebook`.
@main
struct Recall: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "recall",
        abstract: "A study notebook for interview preparation: cards, SM-2 reviews, decks in git.",
        version: recallVersion,
        // Every command gives its name (`commandName`): a name the parser has to derive from the type
        // costs runtime type lookups on every start of every command.
        subcommands: [
            Init.self, Import.self, Decks.self, Deck.self, Cards.self, Add.self, Edit.self, Due.self, Answer.self,
            Undo.self, Suspend.self, Unsuspend.self,
            Bury.self,
            Forget.self, Show.self, Search.self, Doctor.self,
            Review.self, Exercise.self, Check.self, Stats.self, Source.self, Sync.self, ProgressCommand.self,
            Conflicts.self,
            Export.self,
        ])

    /// `recall` alone is a usage error: it names no command.
    func run() throws {
        throw ValidationError("Name a command; `recall --help` lists them.")
    }

    /// Exit codes: 0 ok, 1 a failure the user can fix, 2 a usage error.
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        do {
            var command = try parsedAlone(arguments) ?? parseAsRoot()
            try command.run()
        } catch let error as UserFacingError {
            FileHandle.standardError.write(Data("recall: \(error.description)\n".utf8))
            Foundation.exit(1)
        } catch let failure as CommandFailure {
            Foundation.exit(failure.status)
        } catch {
            // Looked for only once parsing failed: listing the commands' names costs start-up time
            // (runtime type lookups) that every command would otherwise pay.
            if let message = CommandSuggestion.unknownCommand(in: arguments) {
                FileHandle.standardError.write(Data("\(message)\n".utf8))
                Foundation.exit(2)
            }
            let code = exitCode(for: error)
            let parserMessage = fullMessage(for: error)
            let message =
                code == .success
                ? parserMessage
                : CommandSuggestion.negativeGrade(in: arguments, parserMessage: parserMessage) ?? parserMessage
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            FileHandle.standardError.write(Data("\(message)\n".utf8))
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue == 0 ? 0 : 2)
        }
    }
}

extension Recall {
    /// `recall <command> …` parsed by that command alone, as ArgumentParser parses a command with
    /// a super-command (`_superCommandName`): the full parse first tries the arguments as a
    /// completion-script request, which costs every command's start-up about a tenth of its
    /// instructions (runtime type lookups; `recall due` would miss its start-up target by that).
    /// Only a clean parse into the command itself is kept: an error, `--help`, `--version` or a
    /// completion request returns nil, and the full parse then runs and says what it always says.
    static func parsedAlone(_ arguments: [String]) -> ParsableCommand? {
        guard let name = arguments.first,
            let command = configuration.subcommands.first(where: { $0.configuration.commandName == name }),
            command.configuration._superCommandName == configuration.commandName,
            command.configuration.subcommands.isEmpty,
            let parsed = try? command.parseAsRoot(Array(arguments.dropFirst())),
            type(of: parsed) == command
        else { return nil }
        return parsed
    }
}

extension CommandConfiguration {
    /// A `recall <name>` command without subcommands. It names `recall` as its super-command, which
    /// `Recall.parsedAlone` relies on to parse it alone.
    static func topLevel(_ name: String, abstract: String, discussion: String = "") -> CommandConfiguration {
        CommandConfiguration(
            commandName: name, _superCommandName: "recall", abstract: abstract, discussion: discussion)
    }
}

/// Ends a command with a status after it has printed its own report (e.g. an import with errors).
struct CommandFailure: Error {
    var status: Int32
}

/// Options every command takes.
struct GlobalOptions: ParsableArguments {
    @Option(
        name: .long,
        help: "The notebook's folder (default: $RECALL_HOME, $XDG_DATA_HOME/recall or ~/.local/share/recall).")
    var home: String?

    @Flag(name: .long, help: "Print one JSON document on stdout.")
    var json = false

    func environment() throws -> RecallEnvironment { try RecallEnvironment.live(home: home) }

    /// Opens the notebook, creating it on first use.
    func notebook() throws -> Notebook { try Notebook(environment()) }
}
