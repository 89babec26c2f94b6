import Foundation
import RecallTestSupport
import Testing

/// The review screen with a card that shows an image and plays an audio file: placeholders naming
/// the files, and `m` starting the system's opener (here a script standing in for xdg-open).
@Suite("Review screen: media placeholders and the opener", .serialized)
struct ReviewMediaTests {
    static let now = "2026-11-23T10:00:00Z"

    @Test("an image and an audio file show as placeholders; m opens each in turn, never a file outside the deck")
    func openMedia() throws {
        let home = try TemporaryFolder("recall-home")
        let decks = try TemporaryFolder("recall-decks")
        defer { home.remove(); decks.remove() }
        try decks.write("d/deck.yaml", "deck: d\n")
        _ = try decks.write("d/media/curve plot.png", bytes: [1, 2, 3])
        _ = try decks.write("d/media/say.mp3", bytes: [4, 5])
        _ = try decks.write("secret.png", bytes: [6])
        try decks.write(
            "d/cards.md",
            """
            ## Which curve? ![a curve](media/curve%20plot.png) ![x](../secret.png) {#curve}

            The forgetting curve; say it: [say.mp3](media/say.mp3)

            """)
        #expect(try RecallProcess.run(["import", decks.path + "/d"], home: home.path, now: Self.now).status == 0)
        let opened = decks.url.appendingPathComponent("opened.txt").path
        let opener = try decks.write("opener.sh", "#!/bin/sh\necho \"$1\" >> '\(opened)'\n")
        chmod(opener.path, 0o755)
        let tty = try TmuxSession(
            command:
                "'\(RecallProcess.executable.path)' review --home '\(home.path)'; echo REVIEW-EXIT=$?; sleep 600",
            width: 100, height: 24,
            environment: [
                "RECALL_NOW": Self.now, "TZ": "UTC", "TERM": "xterm-256color", "RECALL_OPENER": opener.path,
            ])
        try tty.waitFor("[image: curve plot.png — a curve]")
        try tty.waitFor("m open curve plot.png")
        try tty.send("m")
        try tty.waitFor("Opened curve plot.png with \(opener.path)")
        try tty.send("Space")
        try tty.waitFor("[audio: say.mp3]")
        try tty.waitFor("m open media (2)")
        try tty.send("m")
        try tty.waitFor("Opened say.mp3")
        var lines: [String] = []
        _ = Patience.poll {
            lines = ((try? String(contentsOfFile: opened, encoding: .utf8)) ?? "").split(separator: "\n").map(
                String.init)
            return lines.count >= 2
        }
        #expect(
            lines
                == [decks.path + "/d/media/curve plot.png", decks.path + "/d/media/say.mp3"].map {
                    URL(fileURLWithPath: $0).resolvingSymlinksInPath().path
                })
        try tty.send("q")
        try tty.waitFor("REVIEW-EXIT=0")
    }
}
