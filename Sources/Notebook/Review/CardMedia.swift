import Foundation
import RecallCore
import Spawning

/// The media files a card's Markdown refers to (images, and links to local files such as audio),
/// resolved from the card's file and kept only when they lie inside its deck folder: a deck from a
/// stranger cannot make the review screen open a file elsewhere.
public enum CardMedia {
    /// Relative targets of `![…](…)` and `[…](…)` in `markdown`, in order, each once.
    public static func references(in markdown: String) -> [String] {
        var found: [String] = []
        var rest = markdown[...]
        while let open = rest.range(of: "](") {
            rest = rest[open.upperBound...]
            guard let close = rest.firstIndex(where: { $0 == ")" || $0 == " " || $0 == "\n" }) else { break }
            var target = String(rest[..<close])
            if target.hasPrefix("<"), target.hasSuffix(">") { target = String(target.dropFirst().dropLast()) }
            guard !target.isEmpty, !target.hasPrefix("/"), !target.hasPrefix("#"), !target.contains(":"),
                !found.contains(target)
            else { continue }
            found.append(target)
        }
        return found
    }

    /// The files `markdown` (from `sourceFile`) refers to that exist inside `root` as regular files.
    public static func files(in markdown: String, sourceFile: String, root: String) -> [URL] {
        let base = URL(fileURLWithPath: sourceFile).deletingLastPathComponent()
        let rootPath = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
        return references(in: markdown).compactMap { target in
            guard let decoded = target.removingPercentEncoding else { return nil }
            let file = base.appendingPathComponent(decoded).standardizedFileURL.resolvingSymlinksInPath()
            guard file.path.hasPrefix(rootPath + "/"),
                (try? FileManager.default.attributesOfItem(atPath: file.path))?[.type] as? FileAttributeType
                    == .typeRegular
            else { return nil }
            return file
        }
    }
}

/// The system's opener for a media file (`xdg-open`, or `$RECALL_OPENER`), started in a session of
/// its own with no terminal, so a viewer cannot draw over the review screen or read its keys.
public struct MediaOpener: Sendable, Equatable {
    public var command: String

    public init(command: String = "xdg-open") { self.command = command }

    /// `$RECALL_OPENER`, else xdg-open.
    public init(variables: [String: String]) {
        let named = variables["RECALL_OPENER"].flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 }
        self.init(command: named ?? "xdg-open")
    }

    /// Starts the opener on `file` without waiting for the viewer (a thread reaps it).
    public func open(_ file: URL) throws(SpawnError) {
        var spawn = Spawn(command, [file.path])
        spawn.stdin = .null
        spawn.stdout = .null
        spawn.stderr = .null
        spawn.processGroup = .newSession
        // Only this thread touches the process after start.
        nonisolated(unsafe) let process = try spawn.start()
        Thread.detachNewThread { _ = process.wait() }
    }
}

extension Notebook {
    /// The media files `card`'s question (and answer, with `answer`) refers to, inside its deck.
    public func media(of card: Card, answer: Bool) throws -> [URL] {
        guard let root = try store.deckRoots()[card.key.deck] else { return [] }
        let text = card.front + (answer ? "\n\n" + card.back : "")
        return CardMedia.files(in: text, sourceFile: card.sourceFile, root: root)
    }
}
