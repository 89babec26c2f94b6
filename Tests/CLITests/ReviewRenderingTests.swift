import Foundation
import RecallTestSupport
import Testing

/// What the review screen shows of a card, through a real terminal (tmux): code with its
/// indentation, links with their targets (issue 17, point 2).
@Suite("Review screen: card rendering", .serialized)
struct ReviewRenderingTests {
    @Test("fenced code keeps its indentation on screen; a link shows its target")
    func codeAndLinks() throws {
        let home = try TemporaryFolder("recall-home")
        let decks = try TemporaryFolder("recall-decks")
        defer { home.remove(); decks.remove() }
        try decks.write("d/deck.yaml", "deck: d\ntitle: Rendering\n")
        try decks.write(
            "d/cards.md",
            """
            ## What does f return? {#code}
            ANSWER-START, see [the docs](https://example.com/f).

            ```python
            def f(x):
                if x:
                    return  x   # two spaces kept
            ```
            """)
        let imported = try RecallProcess.run(["import", decks.path + "/d"], home: home.path)
        #expect(imported.status == 0, "\(imported.stderr)")
        let tty = try TmuxSession(
            command: "'\(RecallProcess.executable.path)' review --home '\(home.path)'; echo REVIEW-EXIT=$?; sleep 600",
            environment: ["RECALL_NOW": "2026-11-23T10:00:00Z", "TZ": "UTC", "TERM": "xterm-256color"])
        try tty.waitFor("What does f return?")
        try tty.send("Space")
        let screen = try tty.waitFor("ANSWER-START")
        let body = screen.joined(separator: "\n")
        // The screen's margin, then the code block's two columns, then the code exactly as written.
        let def = try #require(screen.first { $0.contains("def f(x):") }, "\(body)")
        let margin = def.prefix { $0 == " " }.count
        let indent = String(repeating: " ", count: margin)
        #expect(screen.contains { $0.hasPrefix(indent + "    if x:") }, "\(body)")
        #expect(screen.contains { $0.hasPrefix(indent + "        return  x   # two spaces kept") }, "\(body)")
        #expect(body.contains("the docs (https://example.com/f)"), "\(body)")
        try tty.send("q")
        try tty.waitFor("REVIEW-EXIT=0")
    }
}
