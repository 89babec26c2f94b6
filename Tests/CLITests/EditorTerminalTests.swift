import Foundation
import RecallTestSupport
import Testing

/// `recall add` run by a shell in a real terminal (tmux), as a learner runs it.
@Suite("recall add: the editor on the terminal", .serialized)
struct EditorTerminalTests {
    func session(_ fixture: AddFixture, editor: String) throws -> TmuxSession {
        // The trap keeps the shell alive through a Ctrl-C (a trapped signal is reset in its children).
        try TmuxSession(
            command:
                "trap 'echo SHELL-GOT-INT' INT; '\(RecallProcess.executable.path)' add d --home '\(fixture.home.path)'; echo ADD-EXIT=$?; sleep 600",
            width: 100, height: 30,
            environment: [
                "RECALL_NOW": "2026-11-23T10:00:00Z", "TZ": "UTC", "TERM": "xterm-256color", "EDITOR": editor,
                "VISUAL": "", "TMPDIR": fixture.tmp.path,
            ])
    }

    @Test("the editor runs in the terminal's foreground process group, with the terminal's modes as they were")
    func editorOwnsTheTerminal() throws {
        let fixture = try AddFixture()
        defer { fixture.remove() }
        // The "editor" writes what it sees into the card: its group, the terminal's foreground group
        // and two of the terminal's modes (a shell leaves them on: icanon, echo).
        let editor = try editorScript(
            in: fixture.decks, "editor.sh",
            """
            groups="$(ps -o pgid= -p $$ | tr -d ' ') $(ps -o tpgid= -p $$ | tr -d ' ')"
            modes="$(stty -a < /dev/tty | tr ' ;' '\\n\\n' | grep -x -e icanon -e -icanon -e echo -e -echo | tr '\\n' ' ')"
            printf '## Where am I?\\n\\ngroups %s; modes %s\\n' "$groups" "$modes" > "$2"
            """)
        let tty = try session(fixture, editor: editor)
        try tty.waitFor("ADD-EXIT=0")
        let back = try fixture.show("d/where-am-i")["back"] as? String ?? ""
        let groups = back.split(separator: ";").first?.split(separator: " ").dropFirst().map(String.init) ?? []
        #expect(groups.count == 2 && groups.first == groups.last, "\(back)")
        #expect(back.hasSuffix("modes icanon echo "), "\(back)")
    }

    @Test("Ctrl-C at the editor ends the editor, not recall: a clear error, the file untouched, the text kept")
    func interruptEndsTheEditor() throws {
        let fixture = try AddFixture()
        defer { fixture.remove() }
        let before = try fixture.cardsBytes()
        let editor = try editorScript(
            in: fixture.decks, "editor.sh",
            "printf '## Typed before Ctrl-C\\n' > \"$2\"\necho EDITOR-WAITING\nsleep 600")
        let tty = try session(fixture, editor: editor)
        try tty.waitFor("EDITOR-WAITING")
        try tty.send("C-c")
        let screen = try tty.waitFor("ADD-EXIT=").joined(separator: "\n")
        #expect(screen.contains("ADD-EXIT=1"), "\(screen)")
        #expect(screen.contains("ended by signal 2; nothing was added"), "\(screen)")
        #expect(try fixture.drafts().count == 1)
        #expect(try fixture.cardsBytes() == before)
    }
}
