import Foundation
import GitSync

extension Workload {
    /// A published deck source: a bare `remote.git` and the clone that pushed the deck to it.
    struct Source {
        var remote: URL
        var clone: GitRepository
        /// The deck folder in the clone (`decks/bench`), for later edits.
        var deck: URL
        var branch: String
    }

    /// A new workload of `cards` cards (no events), published from a clean `work` folder.
    static func published(cards: Int, perFile: Int, in work: URL, clone: String) throws -> (Workload, Source) {
        try? FileManager.default.removeItem(at: work)
        let workload = Workload.generate(cards: cards, events: 0)
        return (workload, try workload.publish(in: work, clone: clone, perFile: perFile))
    }

    /// Writes the cards as deck files of `perFile` cards into a clone at `work/clone`, and pushes
    /// them to a new bare repository `work/remote.git`.
    func publish(in work: URL, clone name: String, perFile: Int) throws -> Source {
        let remote = work.appendingPathComponent("remote.git")
        _ = try GitRepository.create(at: remote, bare: true)
        let folder = work.appendingPathComponent(name)
        let clone = try GitRepository.clone(from: remote.path, to: folder)
        let deck = folder.appendingPathComponent("decks/bench")
        try writeDeck(to: deck, perFile: perFile)
        try clone.commitAll(message: "benchmark deck")
        let branch = try clone.requireBranch()
        try clone.push(branch: branch)
        return Source(remote: remote, clone: clone, deck: deck, branch: branch)
    }
}
