import Foundation
import RecallTestSupport
import Testing

/// Three notebooks share one deck remote and one progress remote and do seeded random things
/// (grades, undos, edits, adds, deletes, moves, renames, deck.yaml changes) with syncs in random
/// order; after a final round of syncs they must agree on everything.
///
/// `RECALL_CONVERGENCE_SEED=N` replays one seed; `RECALL_CONVERGENCE_RUNS=N` runs seeds 1...N
/// (`make test-convergence`: 200). Without either, a few seeds run as part of `swift test`.
@Suite("Sync: three notebooks converge after random operations")
struct SyncConvergenceTests {
    @Test("every seeded run converges: same files, cards, events and `show --json`; doctor clean; no grade lost")
    func convergence() throws {
        let environment = ProcessInfo.processInfo.environment
        let seeds: [UInt64]
        if let seed = environment["RECALL_CONVERGENCE_SEED"].flatMap(UInt64.init) {
            seeds = [seed]
        } else {
            seeds = Array(1...UInt64(environment["RECALL_CONVERGENCE_RUNS"].flatMap(Int.init) ?? 8))
        }
        var failed: [UInt64] = []
        for seed in seeds {
            var run = ConvergenceRun(seed: seed)
            let problems = try run.run()
            if !problems.isEmpty {
                failed.append(seed)
                let message =
                    "seed \(seed) did not converge (replay: RECALL_CONVERGENCE_SEED=\(seed)):\n"
                    + problems.joined(separator: "\n")
                Issue.record(Comment(rawValue: message))
            }
        }
        print("convergence: \(seeds.count - failed.count) of \(seeds.count) seed(s) converged; failed: \(failed)")
    }
}

/// SplitMix64: a small, fully determined generator, so a seed replays the same run anywhere.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// One seeded run: the operations, then the checks; returns what differed (empty: converged).
struct ConvergenceRun {
    let seed: UInt64
    var random: SeededGenerator
    var log: [String] = []
    /// Grades each device gave and has not undone, oldest first (`card grade`).
    var given: [[String]] = [[], [], []]
    /// Every card id that ever existed.
    var ids: Set<String> = []
    /// Every deck id `deck.yaml` ever gave.
    var decks: Set<String> = ["d"]
    var clock = 0

    init(seed: UInt64) {
        self.seed = seed
        random = SeededGenerator(seed: seed)
    }

    mutating func run() throws -> [String] {
        let root = try TemporaryFolder("recall-converge")
        defer { root.remove() }
        var files: [String: String?] = ["d/deck.yaml": "deck: d\ntitle: Converging deck\n"]
        files["d/a.md"] = (1...4).map { "## Question c\($0) {#c\($0)}\nAnswer c\($0).\n" }.joined(separator: "\n")
        files["d/b.md"] =
            "# Part b\n\n" + (5...6).map { "## Question c\($0) {#c\($0)}\nAnswer c\($0).\n" }.joined(separator: "\n")
        ids = Set((1...6).map { "c\($0)" })
        let decks = try GitCLI.bareRemote(in: root, name: "decks", files: files.compactMapValues { $0 })
        let progress = try GitCLI.bareRemote(in: root, name: "progress", files: [:])
        let homes = (0..<3).map { root.path + "/home-\($0)" }
        for home in homes {
            let added = try RecallProcess.run(
                ["source", "add", "file://" + decks.path, "--name", "team", "--home", home], home: nil)
            guard added.status == 0 else { return ["source add: \(added.stderr)"] }
            let set = try RecallProcess.run(
                ["progress", "remote", "file://" + progress.path, "--home", home], home: nil)
            guard set.status == 0 else { return ["progress remote: \(set.stderr)"] }
        }

        var problems: [String] = []
        let count = Int.random(in: 15...25, using: &random)
        for step in 0..<count {
            let device = Int.random(in: 0..<3, using: &random)
            if let problem = try operate(step: step, device: device, home: homes[device]) { problems.append(problem) }
        }
        for _ in 0..<2 {
            for (device, home) in homes.enumerated() {
                if let problem = try sync(device, home) { problems.append(problem) }
            }
        }
        problems += try compare(homes)
        return problems.isEmpty ? [] : problems + ["operations:"] + log
    }

    // MARK: - Operations

    private mutating func operate(step: Int, device: Int, home: String) throws -> String? {
        clock += 1
        let deck = URL(fileURLWithPath: home + "/sources/team/d")
        var files = DeckFiles(folder: deck)
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<30:
            return try sync(device, home)
        case 30..<48:
            guard let id = files.ids.randomElement(using: &random) else { return nil }
            let grade = Int.random(in: 0...5, using: &random)
            let answered = try RecallProcess.run(
                ["answer", "\(files.deckID)/\(id)", "\(grade)", "--early"], home: home, now: now)
            log.append("\(device): answer \(id) \(grade) -> \(answered.status)")
            if answered.status == 0 { given[device].append("\(files.deckID)/\(id) \(grade)") }
        case 48..<56:
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let undone = try RecallProcess.run(["undo", "--json"], home: home, now: now)
                log.append("\(device): undo -> \(undone.status) \(undone.json["card"] ?? "")")
                guard undone.status == 0 else { break }
                if let card = undone.json["card"] as? String, let grade = undone.json["grade"] as? Int,
                    let last = given[device].lastIndex(of: "\(card) \(grade)")
                {
                    given[device].remove(at: last)
                } else {
                    return "seed \(seed): undo on \(device) undid a grade it was not given: \(undone.stdout)"
                }
            }
        case 56..<68:
            guard let id = files.ids.randomElement(using: &random) else { return nil }
            files.replace(id) { _ in "## Question \(id) {#\(id)}\nAnswer \(id), edit \(step) by \(device).\n" }
            log.append("\(device): edit \(id)")
        case 68..<76:
            let id = "n\(step)d\(device)"
            ids.insert(id)
            let file = files.names.randomElement(using: &random) ?? "a.md"
            files.append("## Question \(id) {#\(id)}\nAnswer \(id).\n", to: file)
            log.append("\(device): add \(id) to \(file)")
        case 76..<82:
            guard let id = files.ids.randomElement(using: &random) else { return nil }
            files.replace(id) { _ in nil }
            log.append("\(device): delete \(id)")
        case 82..<90:
            guard let id = files.ids.randomElement(using: &random), let from = files.file(of: id) else { return nil }
            var to = files.names.filter { $0 != from }.randomElement(using: &random) ?? "m\(step).md"
            if Bool.random(using: &random) { to = "m\(step).md" }
            var block = ""
            files.replace(id) { old in
                block = old
                return nil
            }
            files.append(block, to: to)
            log.append("\(device): move \(id) \(from) -> \(to)")
        case 90..<95:
            guard let from = files.names.randomElement(using: &random) else { return nil }
            files.rename(from, to: "r\(step)d\(device).md")
            log.append("\(device): rename \(from) -> r\(step)d\(device).md")
        default:
            // A `deck:` change moves every card to the new deck id, history and all.
            let deckID = Bool.random(using: &random) ? "d\(step)" : files.deckID
            decks.insert(deckID)
            files.yaml = "deck: \(deckID)\ntitle: Title \(step) by \(device)\n"
            log.append("\(device): deck.yaml deck \(deckID), title")
        }
        try files.save()
        return nil
    }

    private var now: String {
        let day = 1 + clock / 60
        return String(format: "2026-11-%02dT%02d:%02d:00Z", day, 8 + (clock % 60) / 10, clock % 60)
    }

    private mutating func sync(_ device: Int, _ home: String) throws -> String? {
        let result = try RecallProcess.run(["sync", "--json"], home: home)
        let conflicts = (result.json["sources"] as? [[String: Any]])?.first?["conflicts"] as? [String] ?? []
        log.append("\(device): sync -> \(result.status)\(conflicts.isEmpty ? "" : " conflicts \(conflicts)")")
        // Exit 1 is a reported conflict (or problem); anything else is a crash or a usage error.
        return result.status <= 1 ? nil : "sync on \(device) exited \(result.status): \(result.stderr.prefix(600))"
    }

    // MARK: - Checks

    private func compare(_ homes: [String]) throws -> [String] {
        var problems: [String] = []
        let trees = homes.map { DeckFiles.all(in: URL(fileURLWithPath: $0 + "/sources/team")) }
        for device in 1..<3 where trees[device] != trees[0] {
            let paths = Set(trees[0].keys).union(trees[device].keys).sorted()
            let differing = paths.filter { trees[0][$0] != trees[device][$0] }
            problems.append("deck files differ between 0 and \(device): \(differing)")
        }
        for (device, tree) in trees.enumerated() {
            var seen: [String: Int] = [:]
            for (path, text) in tree where path.hasSuffix(".md") {
                for id in DeckFiles.ids(in: text) { seen[id, default: 0] += 1 }
                _ = path
            }
            let twice = seen.filter { $0.value > 1 }.keys.sorted()
            if !twice.isEmpty { problems.append("device \(device): ids in more than one place: \(twice)") }
        }
        let events = homes.map { DeckFiles.all(in: URL(fileURLWithPath: $0 + "/progress/events")) }
        for device in 1..<3 where events[device] != events[0] {
            problems.append("progress events differ between 0 and \(device)")
        }
        for (device, home) in homes.enumerated() {
            let doctor = try RecallProcess.run(["doctor"], home: home)
            if doctor.status != 0 { problems.append("doctor on \(device): \(doctor.stdout)\(doctor.stderr)") }
        }
        // Review history belongs to `deck/id`: a `deck:` change leaves it under the old keys.
        let cards = ids.union(trees[0].values.flatMap { DeckFiles.ids(in: $0) })
        let every = decks.sorted().flatMap { deck in cards.sorted().map { "\(deck)/\($0)" } }
        var history: [[String]] = [[], [], []]
        // Cards a device never saw: added and deleted elsewhere between two of its syncs.
        var unseen: [Set<String>] = [[], [], []]
        for id in every {
            var shown: [String] = []
            var removed = true
            for (device, home) in homes.enumerated() {
                let show = try RecallProcess.run(["show", id, "--json"], home: home)
                guard show.status == 0 else {
                    unseen[device].insert(id)
                    continue
                }
                shown.append(try ShownCard.comparable(show.stdout, home: home))
                removed = removed && show.json["removed"] as? Bool == true
                for event in show.json["history"] as? [[String: Any]] ?? [] {
                    history[device].append("\(id) \(event["grade"] as? Int ?? -1)")
                }
            }
            let missing = (0..<3).filter { unseen[$0].contains(id) }
            if !missing.isEmpty && !removed {
                problems.append("\(id) is live but absent on device(s) \(missing)")
            }
            if Set(shown).count > 1 {
                problems.append("show \(id) differs:\n" + shown.joined(separator: "\n"))
            }
        }
        for device in 0..<3 {
            // Every grade given and not undone is in the history of every device that has the card.
            let expected = given.flatMap { $0 }.filter { !unseen[device].contains(String($0.split(separator: " ")[0])) }
            if history[device].sorted() != expected.sorted() {
                problems.append(
                    "device \(device) history \(history[device].sorted()) but grades given \(expected.sorted())")
            }
        }
        return problems
    }
}

/// The Markdown files of one deck folder, read into memory, changed there, and written back.
struct DeckFiles {
    let folder: URL
    var texts: [String: String] = [:]
    var yaml: String
    private var removed: Set<String> = []

    init(folder: URL) {
        self.folder = folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        for name in names where name.hasSuffix(".md") {
            texts[name] = try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        }
        yaml = (try? String(contentsOf: folder.appendingPathComponent("deck.yaml"), encoding: .utf8)) ?? ""
    }

    var names: [String] { texts.keys.sorted() }

    /// The deck id `deck.yaml` gives.
    var deckID: String { Self.deckID(yaml) }

    static func deckID(_ yaml: String) -> String {
        let line = yaml.split(separator: "\n").first { $0.hasPrefix("deck:") }
        return line.map { $0.dropFirst(5).trimmingCharacters(in: .whitespaces) } ?? "d"
    }
    var ids: [String] { names.flatMap { Self.ids(in: texts[$0] ?? "") } }

    func file(of id: String) -> String? { names.first { Self.ids(in: texts[$0] ?? "").contains(id) } }

    /// Replaces card `id`'s block (heading to the next heading) by what `change` returns for it.
    mutating func replace(_ id: String, _ change: (String) -> String?) {
        guard let name = file(of: id), let text = texts[name] else { return }
        var blocks = Self.blocks(text)
        guard let index = blocks.firstIndex(where: { $0.hasPrefix("## ") && $0.contains("{#\(id)}") }) else { return }
        if let new = change(blocks[index]) { blocks[index] = new } else { blocks.remove(at: index) }
        texts[name] = Self.join(blocks)
    }

    mutating func append(_ block: String, to name: String) {
        texts[name] = Self.join(Self.blocks(texts[name] ?? "") + [block])
        removed.remove(name)
    }

    mutating func rename(_ name: String, to new: String) {
        texts[new] = texts.removeValue(forKey: name)
        removed.insert(name)
    }

    func save() throws {
        for name in removed { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        for (name, text) in texts {
            let url = folder.appendingPathComponent(name)
            if (try? String(contentsOf: url, encoding: .utf8)) != text { try Data(text.utf8).write(to: url) }
        }
        let yamlURL = folder.appendingPathComponent("deck.yaml")
        if (try? String(contentsOf: yamlURL, encoding: .utf8)) != yaml { try Data(yaml.utf8).write(to: yamlURL) }
    }

    /// The preamble (if any) and each card's block, trailing blank lines dropped.
    static func blocks(_ text: String) -> [String] {
        var blocks: [String] = []
        var current = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("## "), !current.isEmpty {
                blocks.append(current)
                current = ""
            }
            current += line + "\n"
        }
        if !current.isEmpty { blocks.append(current) }
        return blocks.map { String($0.reversed().drop { $0.isWhitespace }.reversed()) + "\n" }.filter { $0 != "\n" }
    }

    static func join(_ blocks: [String]) -> String { blocks.joined(separator: "\n") }

    static func ids(in text: String) -> [String] {
        text.split(separator: "\n").compactMap { line -> String? in
            guard line.hasPrefix("## "), let open = line.range(of: "{#"),
                let close = line.range(of: "}", range: open.upperBound..<line.endIndex)
            else { return nil }
            return String(line[open.upperBound..<close.lowerBound])
        }
    }

    /// Every regular file below `folder` (relative path → text), `.git` left out.
    static func all(in folder: URL) -> [String: String] {
        var result: [String: String] = [:]
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            return result
        }
        for case let url as URL in walker {
            if url.lastPathComponent == ".git" {
                walker.skipDescendants()
                continue
            }
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            result[String(url.path.dropFirst(folder.path.count))] = text
        }
        return result
    }
}
