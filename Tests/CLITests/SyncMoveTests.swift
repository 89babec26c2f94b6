import Foundation
import RecallTestSupport
import Testing

/// Cards moved between files (or whose file was renamed) on one device and changed on the other.
@Suite("Sync: cards followed by id across the files of a deck")
struct SyncMoveTests {
    /// Which device syncs first; the other one makes the merge.
    enum Order: String, CaseIterable, CustomTestStringConvertible {
        case moverFirst, editorFirst
        var testDescription: String { rawValue }
    }

    @Test(
        "a card moved to another file on A and edited on B: one card, in the moved place, with the edit",
        arguments: Order.allCases)
    func moveVersusEdit(order: Order) throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        try pair.edit(pair.a, "## Question x {#x}\nAnswer x.\n\n", "")
        try pair.write(pair.a, "other.md", "# Other\n\n## Question x {#x}\nAnswer x.\n")
        try pair.edit(pair.b, "Answer x.", "Answer x, edited by B.")
        try pair.syncAll(moverFirst: order == .moverFirst)
        try expectOneCard(pair, "x", in: "other.md", back: "Answer x, edited by B.")
    }

    @Test(
        "a file renamed on A and a card in it edited on B: one card, in the renamed file, with the edit",
        arguments: Order.allCases)
    func renameVersusEdit(order: Order) throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        try pair.rename(pair.a, "cards.md", to: "renamed.md")
        try pair.edit(pair.b, "Answer y.", "Answer y, edited by B.")
        try pair.syncAll(moverFirst: order == .moverFirst)
        try expectOneCard(pair, "y", in: "renamed.md", back: "Answer y, edited by B.")
        for id in ["x", "z"] { try expectOneCard(pair, id, in: "renamed.md", back: "Answer \(id).") }
        for home in [pair.a, pair.b] { #expect(!pair.exists(home, "cards.md")) }
    }

    @Test(
        "a file renamed on A while a card is moved out of it on B, no edit: every card once, nothing duplicated",
        arguments: Order.allCases)
    func renameVersusMoveOut(order: Order) throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        try pair.rename(pair.a, "cards.md", to: "renamed.md")
        try pair.edit(pair.b, "## Question z {#z}\nAnswer z.\n", "")
        try pair.write(pair.b, "other.md", "## Question z {#z}\nAnswer z.\n")
        try pair.syncAll(moverFirst: order == .moverFirst)
        try expectOneCard(pair, "z", in: "other.md", back: "Answer z.")
        for id in ["x", "y"] { try expectOneCard(pair, id, in: "renamed.md", back: "Answer \(id).") }
    }

    @Test("a card moved and edited on A, edited differently on B: the card in the moved place, its conflict copy below")
    func moveVersusConflictingEdit() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        try pair.edit(pair.a, "## Question x {#x}\nAnswer x.\n\n", "")
        try pair.write(pair.a, "other.md", "## Question w {#w}\nAnswer w.\n\n## Question x {#x}\nAnswer x by A.\n")
        try pair.edit(pair.b, "Answer x.", "Answer x by B.")
        try pair.sync(pair.a)
        let merged = try pair.sync(pair.b, expect: 1)
        #expect(merged.firstSource["conflicts"] as? [String] == ["d/x"], "\(merged.stdout)")
        try pair.sync(pair.a, expect: nil)
        for home in [pair.a, pair.b] {
            let text = try String(contentsOf: pair.deckFolder(home).appendingPathComponent("other.md"), encoding: .utf8)
            #expect(
                text.hasPrefix(
                    "## Question w {#w}\nAnswer w.\n\n## Question x {#x}\nAnswer x by B.\n\n## Question x {#x--conflict-"
                ), "\(text)")
            #expect(text.contains("Answer x by A."))
            #expect(!(try pair.read(home)).contains("{#x"))
        }
        // B made the merge: its version is the card, A's the copy.
        try expectOneCard(pair, "x", in: "other.md", back: "Answer x by B.")
    }

    @Test("a card deleted on A and moved on B: deleted when B only moved it, kept (moved, edited) when B edited it")
    func deleteVersusMove() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        try pair.edit(pair.a, "## Question x {#x}\nAnswer x.\n\n", "")
        try pair.edit(pair.a, "## Question y {#y}\nAnswer y.\n\n", "")
        try pair.edit(pair.b, "## Question x {#x}\nAnswer x.\n\n## Question y {#y}\nAnswer y.\n\n", "")
        try pair.write(pair.b, "other.md", "## Question x {#x}\nAnswer x.\n\n## Question y {#y}\nAnswer y, edited.\n")
        try pair.syncAll(moverFirst: false)
        try expectOneCard(pair, "y", in: "other.md", back: "Answer y, edited.")
        try expectGone(pair, "x")
    }

    @Test("after a move merged with an edit, a card deleted later on one device is removed on the other")
    func laterDeletionPropagates() throws {
        let pair = try TwoNotebooks()
        defer { pair.remove() }
        try pair.edit(pair.a, "## Question x {#x}\nAnswer x.\n\n", "")
        try pair.write(pair.a, "other.md", "## Question x {#x}\nAnswer x.\n")
        try pair.edit(pair.b, "Answer x.", "Answer x, edited by B.")
        try pair.syncAll(moverFirst: true)
        try pair.write(pair.a, "other.md", "")
        try pair.edit(pair.b, "Answer y.", "Answer y, edited by B.")
        try pair.syncAll(moverFirst: true)
        try pair.syncAll(moverFirst: true)
        try expectGone(pair, "x")
        try expectOneCard(pair, "y", in: "cards.md", back: "Answer y, edited by B.")
    }

    /// Card `d/<id>` is live on both devices, found once in the deck, in `file`, with `back`,
    /// and `recall show --json` says the same on both.
    private func expectOneCard(_ pair: TwoNotebooks, _ id: String, in file: String, back: String) throws {
        var shown: [String] = []
        for home in [pair.a, pair.b] {
            let places = try pair.places(of: id, in: home)
            #expect(places == [file], "\(id) on \(home): \(places)")
            let show = try RecallProcess.run(["show", "d/\(id)", "--json"], home: home)
            #expect(show.json["back"] as? String == back, "\(show.stdout)")
            #expect(show.json["removed"] as? Bool == false, "\(show.stdout)")
            shown.append(try ShownCard.comparable(show.stdout, home: home))
            let doctor = try RecallProcess.run(["doctor"], home: home)
            #expect(doctor.status == 0, "doctor: \(doctor.stdout)\(doctor.stderr)")
        }
        #expect(shown[0] == shown[1])
    }

    /// Card `d/<id>` is in no deck file and marked removed on both devices.
    private func expectGone(_ pair: TwoNotebooks, _ id: String) throws {
        var shown: [String] = []
        for home in [pair.a, pair.b] {
            #expect(try pair.places(of: id, in: home).isEmpty)
            let show = try RecallProcess.run(["show", "d/\(id)", "--json"], home: home)
            #expect(show.json["removed"] as? Bool == true, "\(id) on \(home): \(show.stdout)")
            shown.append(try ShownCard.comparable(show.stdout, home: home))
        }
        #expect(shown[0] == shown[1])
    }
}

extension TwoNotebooks {
    func deckFolder(_ home: String) -> URL { cardsFile(home).deletingLastPathComponent() }

    func write(_ home: String, _ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: deckFolder(home).appendingPathComponent(name))
    }

    func rename(_ home: String, _ name: String, to newName: String) throws {
        try FileManager.default.moveItem(
            at: deckFolder(home).appendingPathComponent(name), to: deckFolder(home).appendingPathComponent(newName))
    }

    func exists(_ home: String, _ name: String) -> Bool {
        FileManager.default.fileExists(atPath: deckFolder(home).appendingPathComponent(name).path)
    }

    /// The deck files holding a heading with `{#id}`, once per heading.
    func places(of id: String, in home: String) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: deckFolder(home).path).sorted()
        return try names.filter { $0.hasSuffix(".md") }.flatMap { name in
            let text = try String(contentsOf: deckFolder(home).appendingPathComponent(name), encoding: .utf8)
            return Array(repeating: name, count: text.components(separatedBy: "{#\(id)}").count - 1)
        }
    }

    /// Both devices make their changes known: the mover (A) or the editor (B) first, then the other
    /// (which merges), then the first again to receive the merge.
    func syncAll(moverFirst: Bool) throws {
        let (first, second) = moverFirst ? (a, b) : (b, a)
        try sync(first)
        try sync(second)
        try sync(first)
    }
}

/// `recall show --json` made comparable between notebooks.
enum ShownCard {
    /// The output with the home folder replaced. For a removed card only its key, history and state:
    /// its text, `file` and `line` are where and how this notebook last saw it (a device that saw
    /// it moved or edited before it was deleted saw it so; the others never did).
    static func comparable(_ stdout: String, home: String) throws -> String {
        guard var object = try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any] else {
            return stdout
        }
        if object["removed"] as? Bool == true {
            object = object.filter { ["card", "removed", "history", "state"].contains($0.key) }
        }
        let data = try JSONSerialization.data(
            withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: home, with: "HOME")
    }
}
