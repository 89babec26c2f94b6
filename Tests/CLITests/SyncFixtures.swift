import Foundation
import RecallTestSupport
import Testing

/// Two notebooks (two homes) sharing one deck remote, driven through the real `recall` binary.
struct TwoNotebooks {
    let root: TemporaryFolder
    let remote: URL
    let a: String
    let b: String

    /// A bare remote holding deck `d` (cards x, y, z in `d/cards.md`), subscribed by both homes.
    init(url: ((URL) -> String)? = nil, cards: String? = nil) throws {
        root = try TemporaryFolder("recall-sync")
        remote = try GitCLI.bareRemote(
            in: root,
            files: [
                "decks/d/deck.yaml": "deck: d\ntitle: Shared deck\n",
                "decks/d/cards.md": cards ?? TwoNotebooks.threeCards,
                "README.md": "# Shared decks\n",
            ])
        a = root.url.appendingPathComponent("home-a").path
        b = root.url.appendingPathComponent("home-b").path
        let address = url?(remote) ?? "file://" + remote.path
        for home in [a, b] {
            let added = try RecallProcess.run(
                ["source", "add", address, "--name", "team", "--path", "decks", "--home", home], home: nil)
            #expect(added.status == 0, "\(added.stderr)")
        }
    }

    static let threeCards =
        "## Question x {#x}\nAnswer x.\n\n## Question y {#y}\nAnswer y.\n\n## Question z {#z}\nAnswer z.\n"

    func cardsFile(_ home: String) -> URL {
        URL(fileURLWithPath: home).appendingPathComponent("sources/team/decks/d/cards.md")
    }

    func read(_ home: String) throws -> String { try String(contentsOf: cardsFile(home), encoding: .utf8) }

    /// Replaces `old` by `new` in the home's clone of the deck file, as an editor would.
    func edit(_ home: String, _ old: String, _ new: String) throws {
        let text = try read(home)
        #expect(text.contains(old), "\(old) not in \(text)")
        try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: cardsFile(home))
    }

    @discardableResult
    func sync(_ home: String, environment: [String: String] = [:], expect status: Int32? = 0) throws
        -> RecallProcess.Result
    {
        let result = try RecallProcess.run(["sync", "--json"], home: home, environment: environment)
        if let status { #expect(result.status == status, "sync: \(result.stderr)\n\(result.stdout)") }
        return result
    }

    /// The answer of card `d/<id>` as the notebook in `home` has it.
    func back(_ home: String, _ id: String) throws -> String {
        try RecallProcess.run(["show", "d/\(id)", "--json"], home: home).json["back"] as? String ?? "?"
    }

    /// The remote's version of the deck file.
    func remoteFile() throws -> String { try GitCLI.run(["show", "main:decks/d/cards.md"], in: remote) }

    func remove() { root.remove() }
}

extension RecallProcess.Result {
    /// The first source's report of a `sync --json`.
    var firstSource: [String: Any] { (json["sources"] as? [[String: Any]])?.first ?? [:] }
}
