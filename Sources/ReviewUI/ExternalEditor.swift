import Spawning

/// The learner's editor (`ReviewSettings.editor`), started through /bin/sh (so the command may
/// hold arguments) on one file at one line, on this process's terminal.
struct ExternalEditor {
    var command: String

    /// Opens `file` at `line` and waits until the editor exits; returns a message for the learner
    /// when it could not be started, else nil.
    func open(_ file: String, line: Int) -> String? {
        // The editor stays in this process's group, which owns the terminal while the screen is left.
        let spawn = Spawn("/bin/sh", ["-c", "exec \(command) +\"$1\" \"$2\"", "editor", String(line), file])
        do {
            _ = try spawn.run()
        } catch {
            return "Could not start the editor '\(command)': \(error)"
        }
        return nil
    }
}
