import Foundation
import RecallCore
import Spawning

/// The learner's editor, started through /bin/sh (so the command may hold arguments, `code -w`)
/// on one file, in the foreground of this process's terminal: `recall add`, `recall edit` and the
/// review screen's `e` and `o` all open files through it.
public struct ExternalEditor: Sendable, Equatable {
    public var command: String

    public init(command: String) { self.command = command }

    /// `$VISUAL`, else `$EDITOR`, else vi; an empty value counts as unset.
    public init(variables: [String: String]) {
        let named = [variables["VISUAL"], variables["EDITOR"]].compactMap { $0 }
            .first { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        self.init(command: named ?? "vi")
    }

    /// Opens `file` at `line` (as `+LINE`, which vi, nano, emacs and most terminal editors read)
    /// and waits until the editor exits; throws unless it exits with status 0.
    public func open(_ file: String, line: Int) throws(EditorError) {
        let spawn = Spawn("/bin/sh", ["-c", "exec \(command) +\"$1\" \"$2\"", "editor", String(line), file])
        let termination: Termination
        do {
            termination = try spawn.runInForeground()
        } catch {
            throw .cannotStart(command: command, reason: error.description)
        }
        switch termination {
        case .exited(0): return
        // The shell's statuses for a command it could not find (127) or not execute (126).
        case .exited(126), .exited(127): throw .notFound(command: command)
        default: throw .failed(command: command, termination: termination)
        }
    }
}

/// Why the editor did not give a file back.
public enum EditorError: UserFacingError, Equatable {
    case cannotStart(command: String, reason: String)
    case notFound(command: String)
    case failed(command: String, termination: Termination)

    public var description: String {
        switch self {
        case .cannotStart(let command, let reason):
            return "could not start the editor '\(command)': \(reason)"
        case .notFound(let command):
            return
                "the editor '\(command)' could not be found or run; set $VISUAL or $EDITOR to an editor on your PATH"
        case .failed(let command, let termination):
            return "the editor '\(command)' \(termination)"
        }
    }
}
