import Foundation
import RecallCore

/// Finds decks under the paths a user names and reads them (DECK-FORMAT.md):
/// - a folder with `deck.yaml` is one deck: every `*.md` file below it, and every exercise folder
///   (one holding `exercise.yaml`); a file inside such a folder brings in its whole deck;
/// - any other `*.md` file is a deck of its own (id from its front matter, else its name);
/// - files whose name is all capitals (README.md, COVERAGE.md) are documentation, not cards;
/// - hidden files are skipped, and no symlink is followed (DeckFile);
/// - a file over a limit (DeckLimits) is refused whole, the rest of its deck read.
public struct DeckScanner: Sendable {
    /// Write generated ids back into the files that lacked them.
    public var writeIDs: Bool
    /// Shows paths in messages relative to this folder (normally the working directory).
    public var displayBase: String
    /// Told the number of cards of each card file read (from the scanner's worker threads).
    public var fileRead: (@Sendable (_ cards: Int) -> Void)?
    /// The decks the notebook holds, by id, with the folder or file each was read from: a deck
    /// read elsewhere under one of these ids, while that place still claims it, is refused.
    public var knownRoots: [String: String] = [:]

    public init(writeIDs: Bool = true, displayBase: String = FileManager.default.currentDirectoryPath) {
        self.writeIDs = writeIDs
        self.displayBase = displayBase
    }

    public func scan(_ paths: [URL]) -> ScanResult {
        var result = ScanResult()
        var read: [ScannedDeck] = []
        var seenRoots = Set<String>()
        for path in paths {
            let url = path.standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) else {
                result.issues.append(DeckIssue(file: display(url.path), line: 0, message: "no such file or folder"))
                continue
            }
            let targets: [DeckTarget] =
                isDirectory.boolValue
                ? discover(in: url, issues: &result.issues)
                : [enclosingDeckFolder(of: url).map { .folder($0) } ?? .file(url)]
            for target in targets where seenRoots.insert(target.url.path).inserted {
                if let deck = self.read(target, issues: &result.issues) { read.append(deck) }
            }
        }
        settle(read, into: &result)
        return result
    }

    /// Imports after a change to the given paths inside `root` (files added, modified or deleted, as
    /// a git pull reports them), with the same result as `scan` of the whole tree: every folder deck
    /// that holds a changed path is read in full — ids are unique across a deck, so no file can be
    /// judged alone — and single-file decks are read on their own. A path that is gone and belongs
    /// to no deck any more, or lies below a symlink (never read), is listed in `vanishedFiles`, so
    /// that its cards are marked removed.
    public func scanChanges(_ paths: [URL], within root: URL) -> ScanResult {
        var result = ScanResult()
        var read: [ScannedDeck] = []
        let root = root.standardizedFileURL
        var folders: [URL] = []
        var seenFolders = Set<String>()
        var reportedLinks = Set<String>()
        for path in paths.map(\.standardizedFileURL).sorted(by: { $0.path < $1.path }) {
            guard path.path.hasPrefix(root.path + "/") else {
                result.issues.append(
                    DeckIssue(file: display(path.path), line: 0, message: "outside \(display(root.path)); skipped"))
                continue
            }
            if let link = DeckFile.firstSymlink(from: root, to: path, includingLast: false) {
                if reportedLinks.insert(link.path).inserted {
                    result.issues.append(
                        DeckIssue(file: display(link.path), line: 0, message: DeckFile.Failure.symlink.message))
                }
                result.vanishedFiles.append(path.path)  // a full scan would not see it either
                continue
            }
            if let folder = enclosingDeckFolder(of: path, within: root) {
                if seenFolders.insert(folder.path).inserted { folders.append(folder) }
            } else if isCardFile(path) {
                if DeckFile.isSymlink(path) {
                    result.issues.append(
                        DeckIssue(file: display(path.path), line: 0, message: DeckFile.Failure.symlink.message))
                } else if FileManager.default.fileExists(atPath: path.path) {
                    if let deck = self.read(.file(path), issues: &result.issues) { read.append(deck) }
                } else {
                    result.vanishedFiles.append(path.path)
                }
            } else if path.lastPathComponent == "exercise.yaml" || path.lastPathComponent == "deck.yaml",
                !FileManager.default.fileExists(atPath: path.path)
            {
                result.vanishedFiles.append(path.path)
            }
        }
        for folder in folders {
            if let deck = self.read(.folder(folder), issues: &result.issues) { read.append(deck) }
        }
        settle(read, into: &result)
        return result
    }

    // MARK: - One id, one place

    /// Adds the decks read to `result`, ids assigned, except those that claim a deck id another
    /// place claims too: two decks read now, or one read now and the one the notebook holds
    /// (`knownRoots`) whose folder or file still says that id. Either would mark the other's cards
    /// removed on each import, so neither conflicting deck read now is imported (the notebook's
    /// copy stays as it was), no id is written into them, and each is reported naming the other.
    private func settle(_ decks: [ScannedDeck], into result: inout ScanResult) {
        var kept: [ScannedDeck] = []
        var refused = Set<Int>()
        let byID = Dictionary(grouping: decks.indices, by: { decks[$0].id })
        for index in decks.indices {
            let deck = decks[index]
            let rivals = (byID[deck.id] ?? []).filter { $0 != index && !Self.sameFile(decks[$0].root, deck.root) }
            if let rival = rivals.first {
                refused.insert(index)
                result.issues.append(
                    DeckIssue(
                        file: display(namingFile(of: deck.root)), line: 0,
                        message:
                            "claims the deck id '\(deck.id)', as \(display(namingFile(of: decks[rival].root))) does; neither was imported: give one of them another `deck:` id"
                    ))
            } else if (byID[deck.id] ?? []).first != index {
                refused.insert(index)  // the same folder or file reached through two paths: read once
            } else if let known = knownRoots[deck.id], known != deck.root, !Self.sameFile(known, deck.root),
                !decks.contains(where: { $0.root == known }), declaredID(atRoot: known) == deck.id
            {
                refused.insert(index)
                result.issues.append(
                    DeckIssue(
                        file: display(namingFile(of: deck.root)), line: 0,
                        message:
                            "claims the deck id '\(deck.id)', which the notebook already holds from \(display(namingFile(of: known))) (still claiming it); nothing of it was imported: give it another `deck:` id, or take the other out first (`recall deck remove \(deck.id)`)"
                    ))
            }
        }
        for index in decks.indices where !refused.contains(index) {
            var deck = decks[index]
            result.idsWritten += assignIDs(&deck)
            kept.append(deck)
        }
        result.decks += kept
    }

    /// The file that gives a deck its id: a folder's `deck.yaml`, or the single file itself.
    private func namingFile(of root: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue {
            return (root as NSString).appendingPathComponent("deck.yaml")
        }
        return root
    }

    /// The deck id the folder deck or single-file deck at `root` gives today; nil when there is no
    /// such deck there any more (moved, deleted) or its id is unknown.
    func declaredID(atRoot root: String) -> String? {
        let url = URL(fileURLWithPath: root)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else { return nil }
        if isDirectory.boolValue {
            guard isDeckFolder(url) else { return nil }
            let meta = readMeta(of: url)
            return meta.idIsKnown ? meta.scanned.id : nil
        }
        guard isCardFile(url), !DeckFile.isSymlink(url), enclosingDeckFolder(of: url) == nil else { return nil }
        let parsed = parseFileContents(url)
        if parsed.metaHasErrors && parsed.meta.deck == nil { return nil }
        return parsed.meta.deck ?? fallbackDeckID(url.deletingPathExtension().lastPathComponent)
    }

    /// Whether two paths name the same file or folder (one may be reached through a symlink).
    private static func sameFile(_ a: String, _ b: String) -> Bool {
        if a == b { return true }
        var first = stat()
        var second = stat()
        guard stat(a, &first) == 0, stat(b, &second) == 0 else { return false }
        return first.st_dev == second.st_dev && first.st_ino == second.st_ino
    }

    // MARK: - Discovery

    enum DeckTarget {
        case folder(URL)
        case file(URL)

        var url: URL {
            switch self {
            case .folder(let url), .file(let url): return url
            }
        }
    }

    /// The decks under `path`; none, and one issue, when there are more than `maxFilesPerDeck`.
    private func discover(in path: URL, issues: inout [DeckIssue]) -> [DeckTarget] {
        var targets: [DeckTarget] = []
        discover(in: path, into: &targets, issues: &issues)
        guard targets.count <= DeckLimits.maxFilesPerDeck else {
            issues.append(
                DeckIssue(
                    file: display(path.path), line: 0,
                    message:
                        "holds more than \(DeckLimits.maxFilesPerDeck) decks, over the limit for one path; nothing under it was read: import its folders one by one"
                ))
            return []
        }
        return targets
    }

    /// Stops once past the limit: the rest of a huge tree is never listed.
    private func discover(in folder: URL, into targets: inout [DeckTarget], issues: inout [DeckIssue]) {
        if isDeckFolder(folder) {
            targets.append(.folder(folder))
            return
        }
        for entry in entries(of: folder, issues: &issues) where targets.count <= DeckLimits.maxFilesPerDeck {
            if entry.isDirectory {
                discover(in: entry.url, into: &targets, issues: &issues)
            } else if isCardFile(entry.url) {
                targets.append(.file(entry.url))
            }
        }
    }

    /// Why `file` would not be read as a card file of the folder deck `root`, nil when it would
    /// (whether or not it exists yet): `recall add --file` checks a path before writing there.
    public func whyNotCardFile(_ file: URL, ofDeckFolder root: URL) -> String? {
        let root = root.standardizedFileURL
        let file = file.standardizedFileURL
        guard file.path.hasPrefix(root.path + "/") else { return "is outside the deck's folder \(display(root.path))" }
        guard isCardFile(file) else {
            return "is not a card file: cards are in *.md files whose names are not all capitals"
        }
        let components = file.path.dropFirst(root.path.count + 1).split(separator: "/")
        if components.contains(where: { $0.hasPrefix(".") }) { return "is hidden, and hidden files are not read" }
        if let link = DeckFile.firstSymlink(from: root, to: file, includingLast: true) {
            return "lies at or below the symlink \(display(link.path)); symlinks are not followed in decks"
        }
        var folder = file.deletingLastPathComponent()
        while folder.path.hasPrefix(root.path + "/") {
            if isDeckFolder(folder) { return "is in \(display(folder.path)), a deck of its own" }
            if isExerciseFolder(folder) { return "is in the exercise folder \(display(folder.path))" }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }

    private func isDeckFolder(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("deck.yaml").path)
    }

    private func isExerciseFolder(_ url: URL) -> Bool {
        FileManager.default.fileExists(atPath: url.appendingPathComponent("exercise.yaml").path)
    }

    /// The folder deck `file` belongs to. Below `root`: the outermost folder with a `deck.yaml`, as
    /// a full scan of `root` finds it (a deck folder nested in another is not a deck of its own).
    /// Otherwise the nearest, three levels up at most.
    private func enclosingDeckFolder(of file: URL, within root: URL? = nil) -> URL? {
        var folder = file.deletingLastPathComponent()
        var found: URL?
        for _ in 0..<(root == nil ? 3 : Int.max) {
            if let root, !folder.path.hasPrefix(root.path + "/") && folder.path != root.path { break }
            if isDeckFolder(folder) {
                found = folder
                if root == nil { break }
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return found
    }

    private func isCardFile(_ url: URL) -> Bool {
        guard url.pathExtension.lowercased() == "md" else { return false }
        let stem = url.deletingPathExtension().lastPathComponent
        let isDocumentation = stem.contains(where: \.isLetter) && stem == stem.uppercased()
        return !isDocumentation
    }

    struct Entry {
        var url: URL
        var isDirectory: Bool
    }

    /// A folder's entries in name order: hidden ones skipped, symlinks refused (reported) whether
    /// they point inside the deck or out of it — a deck is read the same way in full or in part.
    private func entries(of folder: URL, issues: inout [DeckIssue]) -> [Entry] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        } catch {
            issues.append(
                DeckIssue(
                    file: display(folder.path), line: 0, message: "cannot read folder: \(error.localizedDescription)"))
            return []
        }
        var result: [Entry] = []
        for name in names where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            var info = stat()
            guard lstat(url.path, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: result.append(Entry(url: url, isDirectory: true))
            case S_IFREG: result.append(Entry(url: url, isDirectory: false))
            case S_IFLNK:
                issues.append(DeckIssue(file: display(url.path), line: 0, message: DeckFile.Failure.symlink.message))
            default: continue
            }
        }
        return result
    }

    // MARK: - Reading

    /// The deck at `target`; nil (its problems added to `issues`) when the file that names the
    /// deck (`deck.yaml`, or a single-file deck's front matter) has errors and gives no `deck:` id.
    /// The id is then unknown: a deck made from the folder's or file's name would be a second deck
    /// holding the real one's cards, and it would never go away. So nothing of it is imported.
    private func read(_ target: DeckTarget, issues: inout [DeckIssue]) -> ScannedDeck? {
        switch target {
        case .file(let url):
            let parsed = parseFile(url)
            if parsed.metaHasErrors && parsed.meta.deck == nil {
                issues += parsed.issues
                issues.append(unknownID(file: url.path, deck: url.path))
                return nil
            }
            let id = parsed.meta.deck ?? fallbackDeckID(url.deletingPathExtension().lastPathComponent)
            var deck = ScannedDeck(
                id: id, title: parsed.meta.title ?? id, newPerDay: parsed.meta.newPerDay, root: url.path,
                cards: [], files: [url.path], filesWithErrors: [], issues: [])
            add(parsed, from: url, deckTags: [], to: &deck)
            return deck
        case .folder(let folder):
            let meta = readMeta(of: folder)
            guard meta.idIsKnown else {
                let yaml = folder.appendingPathComponent("deck.yaml").path
                issues += meta.scanned.issues
                issues.append(unknownID(file: yaml, deck: folder.path))
                return nil
            }
            var deck = meta.scanned
            readFolder(folder, deckTags: meta.tags, into: &deck)
            return deck
        }
    }

    private func unknownID(file: String, deck: String) -> DeckIssue {
        DeckIssue(
            file: display(file), line: 0,
            message:
                "has errors and gives no valid deck id, so nothing of \(display(deck)) was imported (its cards are left as they were); fix it and import again"
        )
    }

    /// A folder deck's `deck.yaml`: a deck with no cards yet, the tags its cards inherit, and
    /// whether the deck's id is known (the file was read, or its errors left `deck:` valid).
    private func readMeta(of folder: URL) -> (scanned: ScannedDeck, tags: [String], idIsKnown: Bool) {
        var deck = ScannedDeck(
            id: fallbackDeckID(folder.lastPathComponent), title: folder.lastPathComponent, newPerDay: nil,
            root: folder.path, cards: [], files: [], filesWithErrors: [], issues: [])
        let metaURL = folder.appendingPathComponent("deck.yaml")
        var tags: [String] = []
        var idIsKnown = false
        deck.files.append(metaURL.path)
        if let text = readText(metaURL, into: &deck) {
            let (meta, issues) = DeckMeta.parse(yaml: text, file: display(metaURL.path), firstLine: 1)
            deck.issues += issues
            if !issues.isEmpty { deck.filesWithErrors.insert(metaURL.path) }
            if let id = meta.deck { deck.id = id }
            deck.title = meta.title ?? deck.id
            deck.newPerDay = meta.newPerDay
            tags = meta.tags
            idIsKnown = issues.isEmpty || meta.deck != nil
        }
        return (deck, tags, idIsKnown)
    }

    /// The parts of a folder deck in deck order: card files and exercise folders.
    enum Member: Sendable {
        case cardFile(URL)
        case exercise(URL)
    }

    /// Stops once past `maxFilesPerDeck`: the rest of a huge tree is never listed.
    private func members(of folder: URL, into result: inout [Member], issues: inout [DeckIssue]) {
        for entry in entries(of: folder, issues: &issues) where result.count <= DeckLimits.maxFilesPerDeck {
            if entry.isDirectory {
                if isExerciseFolder(entry.url) {
                    result.append(.exercise(entry.url))
                } else if !isDeckFolder(entry.url) {
                    members(of: entry.url, into: &result, issues: &issues)
                }
            } else if isCardFile(entry.url) {
                result.append(.cardFile(entry.url))
            }
        }
    }

    private func readFolder(_ folder: URL, deckTags: [String], into deck: inout ScannedDeck) {
        var members: [Member] = []
        self.members(of: folder, into: &members, issues: &deck.issues)
        guard members.count <= DeckLimits.maxFilesPerDeck else {
            // Refused whole, as a file over a limit is: no card read, none marked removed.
            let yaml = folder.appendingPathComponent("deck.yaml").path
            deck.issues.append(
                DeckIssue(
                    file: display(yaml), line: 0,
                    message:
                        "the deck holds more than \(DeckLimits.maxFilesPerDeck) card files and exercises, over the limit for one deck; nothing of it was read: split it into several decks"
                ))
            deck.filesWithErrors.insert(yaml)
            return
        }
        // Files are parsed in parallel (parsing is pure), then applied in deck order.
        let parsed = ParallelMap.map(members) { member -> ParsedFile? in
            if case .cardFile(let url) = member { return parseFile(url) }
            return nil
        }
        for (member, file) in zip(members, parsed) {
            switch member {
            case .exercise(let url):
                readExercise(url, deckTags: deckTags, into: &deck)
            case .cardFile(let url):
                guard let file else { continue }
                deck.files.append(url.path)
                if let other = file.meta.deck, other != deck.id {
                    deck.issues.append(
                        DeckIssue(
                            file: display(url.path), line: 2,
                            message:
                                "front matter says deck '\(other)' but the folder's deck.yaml says '\(deck.id)'; remove one"
                        ))
                    deck.filesWithErrors.insert(url.path)
                }
                add(file, from: url, deckTags: deckTags, to: &deck)
            }
        }
    }

    private func readExercise(_ folder: URL, deckTags: [String], into deck: inout ScannedDeck) {
        let yamlURL = folder.appendingPathComponent("exercise.yaml")
        deck.files.append(yamlURL.path)
        switch ExerciseCard.read(folder: folder, display: display) {
        case .success(let exercise):
            let card = Card(
                key: CardKey(deck: deck.id, id: exercise.id), kind: .exercise, front: exercise.front,
                back: exercise.back, tags: Tags.merge(deckTags, exercise.tags), sourceFile: yamlURL.path, sourceLine: 1)
            deck.cards.append((card, ContentHash.of(card.hashedFields)))
        case .failure(let issue):
            deck.issues.append(issue)
            deck.filesWithErrors.insert(yamlURL.path)
        }
    }

    /// One Markdown file's cards; a file over a limit (DeckLimits) gives no cards and one issue.
    private func parseFile(_ url: URL) -> ParsedFile {
        let parsed = parseFileContents(url)
        fileRead?(parsed.cards.count)
        return parsed
    }

    private func parseFileContents(_ url: URL) -> ParsedFile {
        func refused(_ message: String) -> ParsedFile {
            ParsedFile(
                meta: DeckMeta(), cards: [], issues: [DeckIssue(file: display(url.path), line: 0, message: message)],
                metaHasErrors: true)
        }
        switch DeckFile.read(url) {
        case .failure(let failure):
            return refused(failure.message)
        case .success(let bytes):
            let parsed = CardParser.parse(data: bytes, file: display(url.path))
            guard parsed.cards.count <= DeckLimits.maxCardsPerFile else {
                return refused(
                    "has \(parsed.cards.count) cards (\(bytes.count) bytes), over the limit of "
                        + "\(DeckLimits.maxCardsPerFile) cards per deck file; split it")
            }
            return parsed
        }
    }

    private func readText(_ url: URL, into deck: inout ScannedDeck) -> String? {
        switch DeckFile.readText(url) {
        case .success(let text):
            return text
        case .failure(let failure):
            deck.issues.append(DeckIssue(file: display(url.path), line: 0, message: failure.message))
            deck.filesWithErrors.insert(url.path)
            return nil
        }
    }

    private func add(_ parsed: ParsedFile, from url: URL, deckTags: [String], to deck: inout ScannedDeck) {
        deck.issues += parsed.issues
        if !parsed.issues.isEmpty { deck.filesWithErrors.insert(url.path) }
        for card in parsed.cards {
            let value = Card(
                key: CardKey(deck: deck.id, id: card.id ?? ""), kind: .note, front: card.question, back: card.answer,
                tags: Tags.merge(deckTags, parsed.meta.tags, card.tags), sourceFile: url.path, sourceLine: card.line)
            deck.cards.append((value, ""))
        }
    }

    // MARK: - Ids

    /// Checks ids for duplicates, generates the missing ones (written back into their files when
    /// `writeIDs`), and computes content hashes. Returns how many ids were written.
    private func assignIDs(_ deck: inout ScannedDeck) -> Int {
        var firstUse: [String: (file: String, line: Int)] = [:]
        for entry in deck.cards where !entry.card.key.id.isEmpty {
            if let first = firstUse[entry.card.key.id] {
                deck.issues.append(
                    DeckIssue(
                        file: display(entry.card.sourceFile), line: entry.card.sourceLine,
                        message:
                            "duplicate id '\(entry.card.key.id)' (first used at \(display(first.file)):\(first.line)); give this card another id"
                    ))
                deck.filesWithErrors.insert(entry.card.sourceFile)
            } else {
                firstUse[entry.card.key.id] = (entry.card.sourceFile, entry.card.sourceLine)
            }
        }
        var pending: [String: [Int: String]] = [:]
        var seen = Set<String>()
        var duplicates = IndexSet()
        // Mutated in place: copying a hundred thousand cards costs more than parsing them.
        for index in deck.cards.indices {
            let id = deck.cards[index].card.key.id
            if id.isEmpty {
                let card = deck.cards[index].card
                let generated = GeneratedID.make(for: card.front) { firstUse[$0] != nil }
                firstUse[generated] = (card.sourceFile, card.sourceLine)
                deck.cards[index].card.key = CardKey(deck: deck.id, id: generated)
                pending[card.sourceFile, default: [:]][card.sourceLine] = generated
            } else if !seen.insert(id).inserted {
                duplicates.insert(index)  // reported above
                continue
            }
            deck.cards[index].hash = ContentHash.of(deck.cards[index].card.hashedFields)
        }
        if !duplicates.isEmpty {
            deck.cards = deck.cards.enumerated().filter { !duplicates.contains($0.offset) }.map(\.element)
        }
        guard writeIDs else { return 0 }
        var written = 0
        for (file, ids) in pending.sorted(by: { $0.key < $1.key }) {
            do {
                let url = URL(fileURLWithPath: file)
                let data = try DeckFile.read(url).get()
                try IDWriter.atomicWrite(IDWriter.insert(ids: ids, into: data), to: url)
                written += ids.count
            } catch {
                deck.issues.append(
                    DeckIssue(
                        file: display(file), line: 0,
                        message: "could not write generated ids back: \(Self.describe(error))"))
            }
        }
        return written
    }

    private static func describe(_ error: any Error) -> String {
        if let failure = error as? DeckFile.Failure { return failure.message }
        if let error = error as? IDWriterError { return error.description }
        return error.localizedDescription
    }

    private func fallbackDeckID(_ name: String) -> String {
        let slug = Identifier.slug(name)
        return slug.isEmpty ? "deck-" + ContentHash.of([name]).prefix(8) : slug
    }

    /// `path` relative to `displayBase` when below it, as messages show files.
    public func display(_ path: String) -> String {
        let base = displayBase.hasSuffix("/") ? displayBase : displayBase + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}

extension Card {
    /// The fields whose change makes an import report the card as updated.
    public var hashedFields: [String] { [kind.rawValue, front, back, tags.joined(separator: ",")] }
}
