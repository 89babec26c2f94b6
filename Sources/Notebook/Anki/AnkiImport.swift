import AnkiPackage
import DeckFormat
import Foundation
import RecallCore
import Scheduler
import Storage

/// What `recall import FILE.apkg` did.
public struct AnkiImportReport: Sendable {
    public var path: String
    /// The decks written (ids) and their folders under the data home.
    public var decks: [String]
    public var folders: [String]
    /// Decks left out, with the reason (their files did not read back as planned); the package's
    /// other decks were imported.
    public var refusedDecks: [(deck: String, reason: String)]
    public var counts: ImportCounts
    public var notes: Int
    /// Reviews added to the log (reviews already there are not counted).
    public var reviewsAdded: Int
    /// Reviews left out: of a reversed card's second side, or manual rescheduling.
    public var reviewsSkipped: Int
    /// Notes left out because their question or answer was empty.
    public var notesSkipped: Int
    /// Every note, card and revlog row left out, counted by reason.
    public var skipped: [AnkiSkip: Int]
    /// Study actions added to give cards Anki's schedule, suspension and burial (docs/ANKI.md).
    public var statesSet: Int
    /// Cards already defined by deck files of their own: their reviews were merged, their text left to those files.
    public var matchedExisting: Int
    /// Media files in the package, and those written into deck folders (the ones notes refer to).
    public var mediaFiles: Int
    public var mediaImported: Int
}

extension Notebook {
    /// The folder where decks imported from Anki packages are written: `<home>/decks/<deck id>/`.
    public var ankiDecksFolder: URL { environment.home.appendingPathComponent("decks") }

    /// Imports an Anki package: its notes become Markdown decks under `ankiDecksFolder` (imported like
    /// any deck), its review log becomes review events. Everything is read and checked before
    /// anything is written. See docs/ANKI.md for the mapping.
    public func importAnki(_ url: URL, limits: AnkiLimits = .standard) throws -> AnkiImportReport {
        let path = url.path
        // The media the notes refer to are extracted here first, checked, then copied into the decks.
        let mediaWork = FileManager.default.temporaryDirectory.appendingPathComponent(
            "recall-media-\(UUID().uuidString.prefix(8))")
        do {
            try FileManager.default.createDirectory(at: mediaWork, withIntermediateDirectories: true)
        } catch {
            throw AnkiTransferError.cannotWriteDeck(path: mediaWork.path, reason: error.localizedDescription)
        }
        defer { try? FileManager.default.removeItem(at: mediaWork) }
        let contents = try AnkiPackageReader(limits: limits).read(url, mediaFolder: mediaWork)
        let plan = try AnkiImportPlan.make(
            contents.collection, path: path, notebook: self, folder: ankiDecksFolder,
            media: AnkiMediaFiles(contents.media))

        // Writing starts here: deck files first (checked in a staging folder), then the notebook.
        let (folders, refused) = try plan.writeDecks(into: ankiDecksFolder, packageName: url.lastPathComponent)
        var counts = ImportCounts()
        if !folders.isEmpty {
            let result = try importDecks(folders, writeIDs: false)
            if let problem = result.errors.first {
                throw AnkiTransferError.cannotWriteDeck(path: problem.file, reason: problem.message)
            }
            counts = result.counts
        }
        // Grades first, then the actions that give each card Anki's state after them; an import
        // killed between the two adds the missing actions when run again. The reviews and states
        // of a deck left out are left out with it.
        let refusedIDs = Set(refused.map(\.deck))
        let logged = try plan.logged(calendar: environment.calendar, notebook: self)
        let added = try store.merge(logged.grades.filter { !refusedIDs.contains($0.card.deck) })
        let statesSet = try store.merge([], actions: logged.actions.filter { !refusedIDs.contains($0.card.deck) })
        return AnkiImportReport(
            path: path, decks: plan.decks.map(\.id).filter { !refusedIDs.contains($0) }, folders: folders.map(\.path),
            refusedDecks: refused.map { ($0.deck, $0.reason) }, counts: counts,
            notes: contents.collection.notes.count, reviewsAdded: added,
            reviewsSkipped: plan.skipped.filter { $0.key.item == .review }.values.reduce(0, +),
            notesSkipped: plan.skipped[.emptyNote] ?? 0, skipped: plan.skipped.filter { $0.value > 0 },
            statesSet: statesSet,
            matchedExisting: plan.matched, mediaFiles: contents.mediaFiles,
            mediaImported: plan.decks.reduce(0) { $0 + $1.media.count })
    }
}

extension String {
    /// The text when it is a valid id (a package's claim about a deck is hostile input).
    fileprivate var validID: String? { Identifier.isValid(self) ? self : nil }
}

/// Everything an Anki import will write, worked out before writing anything.
struct AnkiImportPlan {
    struct PlannedCard {
        var key: CardKey
        var front: String
        var back: String
        var tags: [String]
        /// An exercise's folder files (a Recall export's exercise card), written as a folder.
        var exercise: [String: Data]?
    }

    struct PlannedDeck {
        var id: String
        var title: String
        var cards: [PlannedCard]
        /// Media files for the deck folder: path inside it (`media/x.png`, or for a note Recall
        /// exported, the path its Markdown refers to) → extracted file.
        var media: [String: URL] = [:]
        /// The Anki notes its cards were made from (`anki-notes.json`), for an export to give back.
        var origins = AnkiNoteOrigins()
    }

    /// A revlog row and the card it belongs to; `exact` when Recall wrote the package and kept the event.
    struct PlannedReview {
        var card: CardKey
        var review: AnkiReview
        var exact: ReviewEvent?
    }

    /// A Recall card and the Anki card whose schedule and state it takes.
    struct PlannedState {
        var card: CardKey
        var anki: AnkiCard
        /// The id (time) of the card's last revlog row, answers or not.
        var lastRow: Int64?
    }

    var decks: [PlannedDeck] = []
    var reviews: [PlannedReview] = []
    var states: [PlannedState] = []
    var device: String
    var creation: Int64
    var skipped: [AnkiSkip: Int] = [:]
    var matched = 0

    /// Reads what the plan needs from the notebook (its decks' folders; the card ids of a deck
    /// that lives elsewhere under an id the package also uses), then plans without it.
    static func make(
        _ collection: AnkiCollection, path: String, notebook: Notebook, folder: URL,
        media: AnkiMediaFiles = AnkiMediaFiles([:])
    ) throws -> AnkiImportPlan {
        let converters = try converters(for: collection, path: path)
        let roots = Dictionary(try notebook.decks().map { ($0.deck, $0.root) }, uniquingKeysWith: { a, _ in a })
        let saved = RecallPackageData.decode(collection.recallData)
        let placed = place(
            groups(of: collection), collection: collection.creation, saved: saved, roots: roots, folder: folder)
        // One read per deck to match card by card; usually there is none.
        var knownCards: [String: Set<String>] = [:]
        for deck in placed {
            guard let match = deck.matchDeck, knownCards[match] == nil else { continue }
            knownCards[match] = Set(try notebook.store.cards(deck: match, includeRemoved: true).map(\.id))
        }
        var plan = AnkiImportPlan(device: "anki-\(collection.creation)", creation: collection.creation)
        plan.add(placed, of: collection, converters: converters, saved: saved, knownCards: knownCards, media: media)
        return plan
    }

    /// How each note type in use maps to cards; every one must map, or nothing is imported.
    static func converters(for collection: AnkiCollection, path: String) throws -> [Int64: AnkiNoteConverter.Plan] {
        let types = Dictionary(collection.noteTypes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var plans: [Int64: AnkiNoteConverter.Plan] = [:]
        var unmappable: [Int64: Int] = [:]
        var missing: [Int64: Int] = [:]
        for note in collection.notes {
            guard let type = types[note.noteTypeID] else {
                missing[note.noteTypeID, default: 0] += 1
                continue
            }
            if plans[type.id] != nil { continue }
            if let mapped = AnkiNoteConverter.plan(for: type) {
                plans[type.id] = mapped
            } else {
                unmappable[type.id, default: 0] += 1
            }
        }
        if let (id, count) = missing.min(by: { $0.key < $1.key }) {
            throw AnkiTransferError.missingNoteType(path: path, noteTypeID: id, notes: count)
        }
        if !unmappable.isEmpty {
            let names = unmappable.keys.sorted().compactMap { types[$0] }.map { type in
                let count = collection.notes.filter { $0.noteTypeID == type.id }.count
                return "'\(type.name)' (fields \(type.fields.joined(separator: ", ")); \(count) note(s))"
            }
            throw AnkiTransferError.unmappableNoteTypes(path: path, types: names)
        }
        return plans
    }

    /// The notes of one Anki deck.
    struct DeckGroup {
        var ankiID: Int64
        var name: String
        var notes: [AnkiNote]
    }

    /// The notes by Anki deck: each note goes to the deck of its first card (Anki's "Default",
    /// id 1, when it has none or its deck is missing), in deck id order.
    static func groups(of collection: AnkiCollection) -> [DeckGroup] {
        let cardsByNote = Dictionary(grouping: collection.cards, by: \.noteID)
        let deckNames = Dictionary(collection.decks.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var groups: [Int64: DeckGroup] = [:]
        for note in collection.notes {
            let first = cardsByNote[note.id]?.min { $0.ordinal < $1.ordinal }
            let deck = first.flatMap { card in deckNames[card.deckID].map { (card.deckID, $0) } } ?? (1, "Default")
            groups[deck.0, default: DeckGroup(ankiID: deck.0, name: deck.1, notes: [])].notes.append(note)
        }
        return groups.keys.sorted().compactMap { groups[$0] }
    }

    /// The Recall id of an Anki deck that Recall did not write: its name as an id, then 6 hex
    /// digits of a hash of its Anki id and its collection's creation time. It depends on nothing
    /// else in the package, so decks whose names read alike (`A::B`, `A B`, `a-b`) never share
    /// one, and a package holding one of them gives it the same id.
    static func deckID(name: String, ankiID: Int64, collection: Int64) -> String {
        let slug = Identifier.slug(name.replacingOccurrences(of: "::", with: " "))
        // FNV-1a's last bytes barely reach its high digits: mixed first (SplitMix64's finalizer), so
        // that deck ids a digit apart get tags that differ throughout.
        var z = AnkiMapping.fnv1a("deck:\(collection):\(ankiID)")
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        let tag = AnkiMapping.shortHash(of: z ^ (z >> 31)).prefix(6)
        return (slug.isEmpty ? "anki" : slug) + "-" + tag
    }

    /// An Anki deck given its Recall deck: where its file goes, and the deck of the same id living
    /// elsewhere (its own deck files) whose cards it matches card by card.
    struct PlacedDeck {
        var name: String
        var notes: [AnkiNote]
        var fileDeck: String
        var matchDeck: String?
    }

    /// Gives each group a deck id of its own. `roots`: the notebook's deck folders.
    static func place(
        _ groups: [DeckGroup], collection: Int64, saved: RecallPackageData?, roots: [String: String], folder: URL
    ) -> [PlacedDeck] {
        func ownsDeck(_ id: String) -> Bool {
            guard let root = roots[id] else { return true }
            return URL(fileURLWithPath: root).standardizedFileURL.path
                == folder.appendingPathComponent(id).standardizedFileURL.path
        }
        var usedDeckIDs = Set<String>()
        var placed: [PlacedDeck] = []
        for group in groups {
            let name = group.name
            // Creation order (Anki's note ids are creation times), or the exported order for Recall's notes.
            func position(_ guid: String) -> Int {
                saved?.notes[guid]?.position ?? saved?.givenBack?[guid]?.position ?? Int.max
            }
            let notes = group.notes.sorted { (position($0.guid), $0.id) < (position($1.guid), $1.id) }
            // An Anki note Recall gave back names its deck in the package's own data.
            let keys = notes.map { CardKey($0.guid)?.deck ?? saved?.givenBack?[$0.guid]?.deck.validID }
            var deckID: String
            if let first = keys.first ?? nil, keys.allSatisfy({ $0 == first }) {
                deckID = first  // a package Recall wrote: the deck keeps its id
            } else {
                deckID = Self.deckID(name: name, ankiID: group.ankiID, collection: collection)
            }
            // A deck whose files live elsewhere is matched card by card; new cards go beside it.
            let matchDeck = ownsDeck(deckID) ? nil : deckID
            var fileDeck = deckID
            var suffix = 1
            while !ownsDeck(fileDeck) || usedDeckIDs.contains(fileDeck) {
                fileDeck = matchDeck != nil && suffix == 1 ? "\(deckID)-anki" : "\(deckID)-\(suffix)"
                suffix += 1
            }
            usedDeckIDs.insert(fileDeck)
            placed.append(PlacedDeck(name: name, notes: notes, fileDeck: fileDeck, matchDeck: matchDeck))
        }
        return placed
    }

    /// Plans the placed decks' cards and reviews. `knownCards`: the card ids of each match deck.
    private mutating func add(
        _ placed: [PlacedDeck], of collection: AnkiCollection, converters: [Int64: AnkiNoteConverter.Plan],
        saved: RecallPackageData?, knownCards: [String: Set<String>], media: AnkiMediaFiles
    ) {
        let cardsByNote = Dictionary(grouping: collection.cards, by: \.noteID)
        let reviewsByCard = Dictionary(grouping: collection.reviews, by: \.cardID)
        let types = Dictionary(collection.noteTypes.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        // Rows nothing in the package leads to.
        let noteIDs = Set(collection.notes.map(\.id))
        let cardIDs = Set(collection.cards.map(\.id))
        let orphans = collection.cards.filter { !noteIDs.contains($0.noteID) }
        skipped[.cardWithoutNote, default: 0] += orphans.count
        skipped[.reviewWithoutCard, default: 0] += collection.reviews.filter { !cardIDs.contains($0.cardID) }.count
        skipped[.reviewWithoutCard, default: 0] += orphans.reduce(0) { $0 + (reviewsByCard[$1.id]?.count ?? 0) }
        for placedDeck in placed {
            var deck = PlannedDeck(
                id: placedDeck.fileDeck, title: placedDeck.name.replacingOccurrences(of: "::", with: "/"), cards: [])
            var usedIDs = Set<String>()
            for note in placedDeck.notes {
                guard let mapped = converters[note.noteTypeID] else { continue }
                let noteCards = cardsByNote[note.id] ?? []
                let converted = Self.convert(
                    note, mapped, ordinals: Set(noteCards.map(\.ordinal)), saved: saved, media: media)
                if converted.isEmpty {
                    // Its cards and their reviews go too, and are counted as skipped with it.
                    let cards = cardsByNote[note.id] ?? []
                    skipped[.emptyNote, default: 0] += 1
                    skipped[.cardOfSkippedNote, default: 0] += cards.count
                    skipped[.reviewOfSkippedNote, default: 0] += cards.reduce(0) {
                        $0 + (reviewsByCard[$1.id]?.count ?? 0)
                    }
                    continue
                }
                if let kept = Self.kept(note, saved) {
                    // Recall's own note: its Markdown is kept, so the file goes where it points.
                    for (reference, name) in kept.media ?? [:] {
                        if let file = media.file(name), let path = Self.deckPath(reference) {
                            deck.media[path] = file.url
                        }
                    }
                } else {
                    for field in note.fields {
                        for name in AnkiMedia.references(in: field) {
                            if let file = media.file(name) { deck.media["media/" + file.name] = file.url }
                        }
                    }
                }
                let tags = note.tags.flatMap { $0.lowercased().split(separator: ",").map(String.init) }
                    .filter { !$0.isEmpty }
                // Which Recall card is which Anki card: kept for an export to give the note back.
                var originCards: [String: Int]? = note.noteTypeID == AnkiMapping.noteTypeID ? nil : [:]
                for card in converted {
                    let tags = card.tags ?? tags
                    var id = Self.baseID(of: note) + card.suffix
                    if id.utf8.count > 100 || !Identifier.isValid(id) {
                        id = "anki-\(AnkiMapping.shortHash(note.guid + card.suffix))"
                    }
                    if let matchDeck = placedDeck.matchDeck, knownCards[matchDeck]?.contains(id) == true {
                        matched += 1
                        let key = CardKey(deck: matchDeck, id: id)
                        addReviews(for: key, ordinal: card.ordinal, of: noteCards, reviewsByCard, saved)
                        originCards = nil  // the note's cards are in two decks: not given back whole
                        continue
                    }
                    if !usedIDs.insert(id).inserted {
                        id = "\(id)-\(AnkiMapping.shortHash(note.guid + card.suffix).prefix(6))"
                        usedIDs.insert(id)
                    }
                    let key = CardKey(deck: placedDeck.fileDeck, id: id)
                    let exercise = card.exercise.flatMap { Self.exerciseIsNamed(id, $0) ? $0 : nil }
                    deck.cards.append(
                        PlannedCard(
                            key: key, front: exercise == nil ? AnkiNoteConverter.oneLine(card.front) : card.front,
                            back: card.back, tags: tags, exercise: exercise))
                    addReviews(for: key, ordinal: card.ordinal, of: noteCards, reviewsByCard, saved)
                    originCards?[id] = card.ordinal
                }
                if let originCards, let type = types[note.noteTypeID] {
                    if !deck.origins.noteTypes.contains(where: { $0.id == type.id }) {
                        deck.origins.noteTypes.append(type)
                    }
                    deck.origins.notes.append(
                        AnkiNoteOrigins.Note(
                            guid: note.guid, noteType: type.id, fields: Self.withMedia(note, media).fields,
                            tags: note.tags, mod: note.modified, cards: originCards))
                }
                // Reviews of cards no Recall card stands for (a template that shows nothing).
                let used = Set(converted.map(\.ordinal))
                for card in noteCards where !used.contains(card.ordinal) {
                    skipped[.cardNotMade, default: 0] += 1
                    skipped[.reviewOfCardNotMade, default: 0] += reviewsByCard[card.id]?.count ?? 0
                }
            }
            if !deck.cards.isEmpty { decks.append(deck) }
        }
    }

    /// The card id a note's cards are named after: its Recall id when Recall wrote it, its guid when
    /// that is a valid id, else a hash of the guid.
    static func baseID(of note: AnkiNote) -> String {
        if let key = CardKey(note.guid) { return key.id }
        if Identifier.isValid(note.guid) { return note.guid }
        return "anki-\(AnkiMapping.shortHash(note.guid))"
    }

    /// What Recall kept of a note it exported, when nobody edited the note since.
    static func kept(_ note: AnkiNote, _ saved: RecallPackageData?) -> RecallPackageData.Note? {
        guard note.noteTypeID == AnkiMapping.noteTypeID, let kept = saved?.notes[note.guid], note.fields.count >= 2,
            note.fields[0] == kept.frontHTML, note.fields[1] == kept.backHTML
        else { return nil }
        return kept
    }

    /// A Markdown link target as a path inside the deck folder, or nil when it would leave it (a
    /// `..`, an absolute path) or name something the deck scanner reads (`*.md`, `*.yaml`).
    static func deckPath(_ reference: String) -> String? {
        guard let decoded = reference.removingPercentEncoding, !decoded.hasPrefix("/") else { return nil }
        let parts = decoded.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ AnkiMedia.isSafeName($0) && !$0.hasPrefix(".") }),
            let last = parts.last?.lowercased(), !last.hasSuffix(".md"), !last.hasSuffix(".yaml")
        else { return nil }
        return decoded
    }

    /// The note's cards as Markdown; a note Recall wrote and nobody edited since comes back exactly.
    static func convert(
        _ note: AnkiNote, _ plan: AnkiNoteConverter.Plan, ordinals: Set<Int>, saved: RecallPackageData?,
        media: AnkiMediaFiles
    ) -> [AnkiNoteConverter.Converted] {
        if let kept = kept(note, saved) {
            // An exercise comes back as its folder; without its files its prompt is joined onto
            // the heading line, the only place a question has in a Markdown deck.
            let front = kept.exercise == nil ? AnkiNoteConverter.oneLine(kept.front) : kept.front
            return [.init(suffix: "", ordinal: 0, front: front, back: kept.back, exercise: kept.exercise)]
        }
        // A Recall note that went through Anki (its package's col.conf is gone): the Markdown at
        // the end of its Back field, while both fields are still what Recall renders from it.
        guard note.noteTypeID == AnkiMapping.noteTypeID, note.fields.count >= 2 else {
            return AnkiNoteConverter.convert(withMedia(note, media), plan: plan, ordinals: ordinals)
        }
        let (backHTML, source) = NoteSource.split(backField: note.fields[1])
        if let source, note.fields[0] == AnkiHTML.html(fromMarkdown: source.front),
            backHTML == AnkiHTML.html(fromMarkdown: source.back)
        {
            let front = source.exercise == nil ? AnkiNoteConverter.oneLine(source.front) : source.front
            // Anki sorts a note's tags: the card's order comes back while they are the same tags.
            let tags = source.tags.flatMap { tags in
                let exported = Set(tags.map { $0.replacingOccurrences(of: " ", with: "_").lowercased() })
                return exported == Set(note.tags.map { $0.lowercased() }) ? tags : nil
            }
            return [
                .init(
                    suffix: "", ordinal: 0, front: front, back: source.back, exercise: source.exercise, tags: tags)
            ]
        }
        var fields = note.fields
        fields[1] = backHTML
        var edited = note
        edited.fields = fields
        return AnkiNoteConverter.convert(withMedia(edited, media), plan: plan, ordinals: ordinals)
    }

    /// The note with its references to media the package holds pointing into the deck's `media/`.
    static func withMedia(_ note: AnkiNote, _ media: AnkiMediaFiles) -> AnkiNote {
        var note = note
        note.fields = note.fields.map { field in
            AnkiMedia.rewrite(field) { name in media.file(name).map { "media/" + AnkiMedia.urlPath($0.name) } }
        }
        return note
    }

    /// Whether an exercise's files (from a package: hostile) make the exercise `id`: at most 64
    /// files with plain names, each within a deck file's size limit, an `exercise.yaml` whose id,
    /// when it names one, is `id` (its folder is named `id`).
    static func exerciseIsNamed(_ id: String, _ files: [String: Data]) -> Bool {
        guard files.count <= 64,
            files.allSatisfy({ isPlainFileName($0.key) && $0.value.count <= DeckLimits.maxFileBytes })
        else { return false }
        guard let yaml = files["exercise.yaml"].map({ String(decoding: $0, as: UTF8.self) }) else { return false }
        for line in yaml.split(whereSeparator: \.isNewline) where line.hasPrefix("id:") {
            return line.dropFirst(3).trimmingCharacters(in: CharacterSet(charactersIn: " \t\"'")) == id
        }
        return true
    }

    private mutating func addReviews(
        for key: CardKey, ordinal: Int, of noteCards: [AnkiCard], _ reviewsByCard: [Int64: [AnkiReview]],
        _ saved: RecallPackageData?
    ) {
        for card in noteCards where card.ordinal == ordinal {
            let rows = reviewsByCard[card.id] ?? []
            states.append(PlannedState(card: key, anki: card, lastRow: rows.map(\.id).max()))
            for review in rows {
                if review.type == .manual || review.type == .rescheduled || review.ease == 0 {
                    skipped[.reviewManual, default: 0] += 1
                    continue
                }
                guard AnkiMapping.grade(forEase: review.ease) != nil else {
                    skipped[.reviewUnknownButton, default: 0] += 1
                    continue
                }
                // The event as Recall logged it, when the package kept it and Anki's answer still agrees.
                let exact = saved?.events[String(review.id)]?.event(card: key, durationMs: review.timeMs)
                    .flatMap { AnkiMapping.ease(for: $0.grade) == review.ease ? $0 : nil }
                reviews.append(PlannedReview(card: key, review: review, exact: exact))
            }
        }
    }

    /// The review events to merge, and the study actions that then give each card the schedule,
    /// suspension and burial it has in Anki. An Anki answer becomes the day's scheduling review
    /// when the card has none that study day yet, and a drill otherwise (SM2.md): a day's
    /// learning and relearning steps after its first answer are re-drills.
    func logged(calendar: StudyCalendar, notebook: Notebook) throws -> (grades: [ReviewEvent], actions: [CardAction]) {
        var result: [ReviewEvent] = []
        var historyOf: [CardKey: [ReviewEvent]] = [:]
        let byCard = Dictionary(grouping: reviews, by: \.card)
        for key in byCard.keys.sorted() {
            let planned = (byCard[key] ?? []).sorted { $0.review.id < $1.review.id }
            let history = try notebook.store.history(of: key)
            var known = Set(history.map(\.id))
            var reviewedDays = Set(history.filter { $0.kind == .review }.map(\.day))
            var merged = history
            for item in planned {
                let event: ReviewEvent
                if let exact = item.exact {
                    if exact.kind == .review { reviewedDays.insert(exact.day) }
                    event = exact
                } else {
                    guard let grade = AnkiMapping.grade(forEase: item.review.ease) else { continue }
                    let day = calendar.day(ofMillis: item.review.id)
                    let kind: ReviewKind = reviewedDays.insert(day).inserted ? .review : .drill
                    event = ReviewEvent(
                        card: key, timestamp: item.review.id, day: day, grade: grade, kind: kind, device: device,
                        seq: item.review.id, durationMs: max(item.review.timeMs, 0))
                }
                result.append(event)
                if known.insert(event.id).inserted { merged.append(event) }
            }
            historyOf[key] = merged
        }
        return (result, try stateActions(calendar: calendar, notebook: notebook, historyOf: historyOf))
    }

    /// For each card, the actions that make its fold as of its Anki state's time (after its last
    /// revlog row, and no earlier than its last change in Anki) equal that state; none when it is
    /// equal already, as for a card whose history came back exactly. They belong to a device of
    /// their own, named after the package's card states, with seqs given by card: importing the
    /// same package again adds none twice (docs/ANKI.md).
    private func stateActions(
        calendar: StudyCalendar, notebook: Notebook, historyOf: [CardKey: [ReviewEvent]]
    ) throws -> [CardAction] {
        let ordered = states.sorted { ($0.anki.id, $0.card) < ($1.anki.id, $1.card) }
        var digest = AnkiMapping.fnv1a("")
        for state in ordered {
            let c = state.anki
            digest = AnkiMapping.fnv1a(
                "\(state.card) \(c.id) \(c.type.rawValue) \(c.queue) \(c.due) \(c.interval) \(c.factor) \(c.lapses) "
                    + "\(c.modified) \(state.lastRow ?? 0)\n", continuing: digest)
        }
        let stateDevice = "\(device)-\(AnkiMapping.shortHash(of: digest))"
        var actions: [CardAction] = []
        for (index, state) in ordered.enumerated() {
            let history = try historyOf[state.card] ?? notebook.store.history(of: state.card)
            let timestamp = max((state.lastRow ?? creation * 1000) + 1, state.anki.modified * 1000)
            let asOf = CardFold.fold(
                history.filter { $0.timestamp <= timestamp },
                actions: try notebook.store.actions(of: state.card).filter { $0.timestamp <= timestamp })
            let lastAnswer = history.filter { $0.kind == .review && $0.timestamp <= timestamp }.map(\.day).max()
            let target = AnkiCardState(
                state.anki, creation: creation, calendar: calendar, known: asOf.state, lastReview: lastAnswer)
            for var action in target.actions(
                from: asOf, card: state.card, timestamp: timestamp, day: calendar.day(ofMillis: timestamp))
            {
                // One seq per card and sort of action, so a second import names the same actions.
                let slot: Int64 =
                    switch action.kind {
                    case .schedule, .forget: 1
                    case .suspend, .unsuspend: 2
                    default: 3
                    }
                (action.device, action.seq) = (stateDevice, Int64(index) * 3 + slot)
                actions.append(action)
            }
        }
        return actions
    }

    /// A deck the import left out, and why.
    struct RefusedDeck: Sendable {
        var deck: String
        var reason: String
    }

    /// Writes each deck as `<folder>/<id>/deck.yaml` and `cards.md` (and a folder per exercise):
    /// first into a staging folder, read back and checked there, then moved into place. A deck
    /// that does not read back as planned is left out and returned with the reason; the others
    /// are written. Returns the deck folders written.
    func writeDecks(into folder: URL, packageName: String) throws -> (folders: [URL], refused: [RefusedDeck]) {
        guard !decks.isEmpty else { return ([], []) }
        let fm = FileManager.default
        let staging = folder.appendingPathComponent(".staging-\(UUID().uuidString.prefix(8))")
        func fail(_ reason: String) -> AnkiTransferError { .cannotWriteDeck(path: folder.path, reason: reason) }
        do {
            try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw fail(error.localizedDescription)
        }
        defer { try? fm.removeItem(at: staging) }

        var refused: [RefusedDeck] = []
        var written: [PlannedDeck] = []
        for deck in decks {
            let dir = staging.appendingPathComponent(deck.id)
            do {
                try fm.createDirectory(at: dir, withIntermediateDirectories: true)
                try Data(Self.deckYAML(deck).utf8).write(to: dir.appendingPathComponent("deck.yaml"))
                for (name, text) in try Self.cardFiles(deck, packageName: packageName) {
                    try Data(text.utf8).write(to: dir.appendingPathComponent(name))
                }
                for card in deck.cards {
                    guard let files = card.exercise else { continue }
                    let exercise = dir.appendingPathComponent(card.key.id)
                    try fm.createDirectory(at: exercise, withIntermediateDirectories: false)
                    for (name, data) in files where Self.isPlainFileName(name) {
                        try data.write(to: exercise.appendingPathComponent(name))
                    }
                }
                if !deck.origins.notes.isEmpty {
                    let data = try deck.origins.encoded()
                    guard data.count <= AnkiNoteOrigins.maxBytes else {
                        throw AnkiTransferError.cannotWriteDeck(
                            path: deck.id,
                            reason:
                                "its Anki notes take \(data.count) bytes in \(AnkiNoteOrigins.fileName), more than the \(AnkiNoteOrigins.maxBytes) bytes it may hold; split the deck in Anki"
                        )
                    }
                    try data.write(to: dir.appendingPathComponent(AnkiNoteOrigins.fileName))
                }
                for (path, source) in deck.media.sorted(by: { $0.key < $1.key }) {
                    let target = dir.appendingPathComponent(path)
                    try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                    if !fm.fileExists(atPath: target.path) { try fm.copyItem(at: source, to: target) }
                }
            } catch let error as AnkiTransferError {
                if case .cannotWriteDeck(_, let reason) = error {
                    refused.append(RefusedDeck(deck: deck.id, reason: reason))
                    continue
                }
                throw error
            } catch {
                throw fail(error.localizedDescription)
            }
            // Read back what was written: every card must come out as planned.
            let scan = DeckScanner(writeIDs: false).scan([dir])
            if let problem = scan.allIssues.first {
                refused.append(RefusedDeck(deck: deck.id, reason: "the converted deck does not read back: \(problem)"))
                continue
            }
            let read = scan.decks.first { $0.id == deck.id }?.cards.map(\.card.key) ?? []
            if let problem = Self.readBackProblem(deck: deck, read: read) ?? Self.originsProblem(deck: deck, in: dir) {
                refused.append(RefusedDeck(deck: deck.id, reason: problem))
                continue
            }
            written.append(deck)
        }
        var finals: [URL] = []
        for deck in written {
            let final = folder.appendingPathComponent(deck.id)
            let old = staging.appendingPathComponent(deck.id + ".old")
            do {
                if fm.fileExists(atPath: final.path) { try fm.moveItem(at: final, to: old) }
                try fm.moveItem(at: staging.appendingPathComponent(deck.id), to: final)
            } catch {
                // Put the previous version back rather than leave the deck without its folder.
                if fm.fileExists(atPath: old.path), !fm.fileExists(atPath: final.path) {
                    try? fm.moveItem(at: old, to: final)
                }
                throw fail(error.localizedDescription)
            }
            finals.append(final)
        }
        return (finals, refused)
    }

    /// What differs between the Anki notes planned for a deck and those its `anki-notes.json`
    /// gives back; nil when they are the same and name only the deck's cards.
    static func originsProblem(deck: PlannedDeck, in dir: URL) -> String? {
        let read: AnkiNoteOrigins?
        do {
            read = try AnkiNoteOrigins.read(folder: dir)
        } catch {
            return "its Anki notes do not read back: \(error)"
        }
        guard (read ?? AnkiNoteOrigins()) == deck.origins else { return "its Anki notes read back changed" }
        let ids = Set(deck.cards.map(\.key.id))
        guard let stray = deck.origins.notes.flatMap(\.cards.keys).first(where: { !ids.contains($0) }) else {
            return nil
        }
        return "its Anki notes name card '\(stray)', which is not one of its cards"
    }

    /// A file name an exercise may hold: no path, not hidden.
    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".") && !name.contains("/") && !name.contains("\0")
    }

    /// What differs between the cards planned for a deck and those its written files give back;
    /// nil when they are the same. Exercises are folders, read in their own order; the Markdown
    /// cards must come back in the planned order.
    static func readBackProblem(deck: PlannedDeck, read: [CardKey]) -> String? {
        let planned = deck.cards.map(\.key)
        let missing = Set(planned).subtracting(read).map(\.id).sorted()
        let extra = Set(read).subtracting(planned).map(\.id).sorted()
        if !missing.isEmpty || !extra.isEmpty {
            return "\(missing.count) of its \(planned.count) cards do not read back from the Markdown written for them"
                + (missing.isEmpty ? "" : " (not found: \(missing.prefix(3).joined(separator: ", ")))")
                + (extra.isEmpty ? "" : " (read instead: \(extra.prefix(3).joined(separator: ", ")))")
        }
        let notes = deck.cards.filter { $0.exercise == nil }.map(\.key)
        let readNotes = read.filter(Set(notes).contains)
        guard readNotes.count == notes.count else {
            return "\(readNotes.count) cards read back for its \(notes.count) Markdown cards (an id twice)"
        }
        guard let index = notes.indices.first(where: { notes[$0] != readNotes[$0] }) else { return nil }
        return
            "its cards read back in another order (card \(index + 1) is \(readNotes[index].id), planned \(notes[index].id))"
    }

    static func deckYAML(_ deck: PlannedDeck) -> String {
        "deck: \(deck.id)\ntitle: \(yamlQuoted(deck.title))\n"
    }

    /// A double-quoted YAML scalar (JSON string syntax, which YAML accepts).
    static func yamlQuoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The deck's Markdown files: `cards.md`, or `cards-0001.md`, `cards-0002.md`, … when the cards
    /// do not fit in one file within the deck file limits (DeckLimits), so that they read back.
    static func cardFiles(_ deck: PlannedDeck, packageName: String) throws -> [(name: String, text: String)] {
        let header =
            "# \(deck.title.replacingOccurrences(of: "\n", with: " "))\n\n"
            + "Imported from the Anki package \(packageName) by `recall import`; importing it again rewrites this deck's files.\n"
        var files: [String] = []
        var current = header
        var count = 0
        for card in deck.cards where card.exercise == nil {
            var block = "\n## \(card.front) {#\(card.key.id)}\n"
            if !card.tags.isEmpty { block += "tags: \(card.tags.joined(separator: ", "))\n" }
            var back = card.back
            // It would read as the tags line; `tags\:` shows as `tags:`.
            if back.hasPrefix("tags:") { back.insert("\\", at: back.index(back.startIndex, offsetBy: 4)) }
            block += "\n\(back)\n"
            guard header.utf8.count + block.utf8.count <= DeckLimits.maxFileBytes else {
                throw AnkiTransferError.cannotWriteDeck(
                    path: deck.id,
                    reason:
                        "card '\(card.key.id)' is \(block.utf8.count) bytes as Markdown, more than a deck file holds (\(DeckLimits.maxFileBytes) bytes); shorten the note in Anki"
                )
            }
            if count == DeckLimits.maxCardsPerFile || current.utf8.count + block.utf8.count > DeckLimits.maxFileBytes {
                files.append(current)
                current = header
                count = 0
            }
            current += block
            count += 1
        }
        files.append(current)
        if files.count == 1 { return [("cards.md", files[0])] }
        return files.enumerated().map { (String(format: "cards-%04d.md", $0.offset + 1), $0.element) }
    }
}
