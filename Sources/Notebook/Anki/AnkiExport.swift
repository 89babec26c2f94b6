import AnkiPackage
import DeckFormat
import Foundation
import RecallCore
import Scheduler
import Storage

/// What `recall export --apkg` wrote.
public struct AnkiExportReport: Sendable {
    public var path: String
    public var decks: [String]
    public var notes: Int
    public var reviews: Int
    /// Media files written into the package.
    public var media: Int
}

extension Notebook {
    /// Writes the notebook's cards (or one deck's) as an Anki package at `url`: one Anki deck per
    /// deck, one note per card (guid = the card's key) or, for cards imported from Anki, the note
    /// they came from (AnkiNotesGivenBack), each card's schedule, and its history as revlog rows.
    /// Removed cards are left out. See docs/ANKI.md.
    public func exportAnki(to url: URL, deck: String? = nil) throws -> AnkiExportReport {
        let summaries = try decks()
        if let deck, !summaries.contains(where: { $0.deck == deck }) { throw AnkiTransferError.unknownDeck(deck) }
        let chosen = summaries.filter { deck == nil || $0.deck == deck }
        let calendar = environment.calendar
        let nowSeconds = environment.nowMillis / 1000

        struct Entry {
            var stored: StoredCard
            var history: [ReviewEvent]
            var actions: [CardAction]
            var deckID: Int64
            var root: String
        }
        var entries: [Entry] = []
        var ankiDecks: [AnkiDeck] = []
        for summary in chosen {
            let name = summary.title.isEmpty ? summary.deck : summary.title
            let ankiDeck = AnkiDeck(
                id: AnkiMapping.stableID("deck:" + summary.deck),
                name: name.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }.joined(
                    separator: "::"))
            ankiDecks.append(ankiDeck)
            for key in try store.cards(deck: summary.deck) {
                guard let stored = try store.card(key) else { continue }
                entries.append(
                    Entry(
                        stored: stored, history: try store.history(of: key), actions: try store.actions(of: key),
                        deckID: ankiDeck.id, root: summary.root))
            }
        }
        guard !entries.isEmpty else { throw AnkiTransferError.nothingToExport(deck: deck) }
        // Notes imported from Anki go back as they came, from the `anki-notes.json` beside their cards.
        var givenBack = AnkiNotesGivenBack()
        for summary in chosen {
            let cards = entries.filter { $0.stored.card.key.deck == summary.deck }
            let byID = Dictionary(cards.map { ($0.stored.card.key.id, $0.stored) }, uniquingKeysWith: { a, _ in a })
            var folders: [String] = []
            for entry in cards where entry.stored.card.kind == .note {
                let folder = Self.folder(of: entry.stored.card, root: entry.root)
                if !folders.contains(folder) { folders.append(folder) }
            }
            for folder in folders {
                guard let origins = try AnkiNoteOrigins.read(folder: URL(fileURLWithPath: folder)) else { continue }
                givenBack.add(origins, deck: summary.deck, cards: byID)
            }
        }

        // Review due dates count days from the collection's creation: start it on the earliest day
        // anything refers to, so no day number is negative.
        var firstDay = today
        for entry in entries {
            if let state = entry.stored.state { firstDay = min(firstDay, state.due, state.lastReview) }
            if let first = entry.history.first { firstDay = min(firstDay, first.day) }
        }
        let creation = AnkiMapping.start(of: firstDay, in: calendar)

        var collection = AnkiCollection(
            creation: creation, decks: ankiDecks, noteTypes: [AnkiMapping.noteType] + givenBack.types)
        var notesWritten = Set<Int>()
        var data = RecallPackageData()
        var usedReviewIDs = Set<Int64>()
        var media = AnkiExportMedia()
        for (position, entry) in entries.enumerated() {
            let card = entry.stored.card
            let key = card.key.description
            var noteID = AnkiMapping.stableID("note:" + key)
            let cardID = AnkiMapping.stableID("card:" + key)
            var ordinal = 0
            // The note changed when its text did, and the card with its last event: Anki's importer
            // overwrites a note it holds only with a newer one, so an edit made in Anki survives
            // an export that changed nothing.
            var noteModified = (entry.stored.textChanged ?? AnkiMapping.unknownChangeMillis) / 1000
            let lastEvent = max(
                entry.history.map(\.timestamp).max() ?? 0, entry.actions.map(\.timestamp).max() ?? 0)
            var cardModified: Int64 { max(noteModified, (lastEvent + 999) / 1000) }  // not before the last event
            if let index = givenBack.noteOf[card.key] {
                let given = givenBack.notes[index]
                (noteID, ordinal) = (given.note.id, given.ordinals[card.key.id] ?? 0)
                // Never in the future: a deck folder's file must not make its note win over every later edit in Anki.
                noteModified = min(given.note.modified, nowSeconds)
                if notesWritten.insert(index).inserted {
                    data.givenBack = (data.givenBack ?? [:]).merging(
                        [given.note.guid: .init(deck: card.key.deck, position: position)]) { a, _ in a }
                    var note = given.note
                    note.modified = noteModified
                    note.fields = note.fields.map { media.rewrite($0, sourceFile: card.sourceFile, root: entry.root) }
                    collection.notes.append(note)
                }
            } else {
                let exercise = card.kind == .exercise ? Self.exerciseFiles(of: card, root: entry.root) : nil
                // Media the card refers to go into the package; the HTML names them as Anki will.
                let front = media.rewrite(
                    AnkiHTML.html(fromMarkdown: card.front), sourceFile: card.sourceFile, root: entry.root)
                var referenced = media.resolved
                let backHTML = media.rewrite(
                    AnkiHTML.html(fromMarkdown: card.back), sourceFile: card.sourceFile, root: entry.root)
                referenced.merge(media.resolved) { a, _ in a }
                let back = NoteSource(front: card.front, back: card.back, tags: card.tags, exercise: exercise)
                    .backField(
                        html: backHTML)
                collection.notes.append(
                    AnkiNote(
                        id: noteID, guid: key, noteTypeID: AnkiMapping.noteTypeID, modified: noteModified,
                        tags: card.tags.map { $0.replacingOccurrences(of: " ", with: "_") }, fields: [front, back]))
                data.notes[key] = .init(
                    front: card.front, back: card.back, frontHTML: front, backHTML: back, position: position,
                    exercise: exercise, media: referenced.isEmpty ? nil : referenced)
            }

            let reviews = entry.history.filter { $0.kind == .review }.count
            // Suspended, else buried (by hand) on the day of the export, else the card's own queue.
            let buried = entry.stored.buriedUntil.map { $0 > today } ?? false
            let held = entry.stored.suspended ? -1 : buried ? -3 : nil
            if let state = entry.stored.state {
                collection.cards.append(
                    AnkiCard(
                        id: cardID, noteID: noteID, deckID: entry.deckID, ordinal: ordinal, modified: cardModified,
                        type: .review, queue: held ?? 2, due: Int64(firstDay.distance(to: state.due)),
                        interval: max(state.interval, 1), factor: state.ef100 * 10, repetitions: reviews,
                        lapses: state.lapses))
            } else {
                collection.cards.append(
                    AnkiCard(
                        id: cardID, noteID: noteID, deckID: entry.deckID, ordinal: ordinal, modified: cardModified,
                        type: .new, queue: held ?? 0, due: Int64(position + 1), interval: 0, factor: 0, repetitions: 0,
                        lapses: 0))
            }

            // The history replayed through SM-2, so each row carries the interval and ease it led to;
            // a forget or a schedule action (an import's) sets the state the next grades start from.
            var state: CardState?
            var cuts = entry.actions.filter { $0.kind == .forget || $0.kind == .schedule }[...]
            for event in entry.history.sorted(by: ReviewEvent.foldOrder) {
                while let cut = cuts.first,
                    (cut.timestamp, cut.device, cut.seq) < (event.timestamp, event.device, event.seq)
                {
                    state = cut.schedule
                    cuts = cuts.dropFirst()
                }
                let before = state
                if event.kind == .review { state = SM2.review(state, grade: event.grade, on: event.day) }
                var id = event.timestamp
                while usedReviewIDs.contains(id) { id += 1 }  // revlog ids are unique milliseconds
                usedReviewIDs.insert(id)
                let type: AnkiReview.ReviewType =
                    event.kind == .drill ? .relearning : before == nil ? .learning : .review
                collection.reviews.append(
                    AnkiReview(
                        id: id, cardID: cardID, ease: AnkiMapping.ease(for: event.grade),
                        interval: state?.interval ?? 0, lastInterval: before?.interval ?? 0,
                        factor: (state?.ef100 ?? SM2.initialEF100) * 10, timeMs: event.durationMs, type: type))
                data.events[String(id)] = EventFields(event)
            }
        }
        collection.recallData = data.encoded()
        try AnkiPackageWriter.write(collection, to: url, now: nowSeconds, media: media.files)
        return AnkiExportReport(
            path: url.path, decks: chosen.map(\.deck), notes: collection.notes.count, reviews: collection.reviews.count,
            media: media.files.count)
    }

    /// The folder of the file that defines `card`.
    static func folder(of card: Card, root: String) -> String {
        let file =
            card.sourceFile.hasPrefix("/")
            ? URL(fileURLWithPath: card.sourceFile) : URL(fileURLWithPath: root).appendingPathComponent(card.sourceFile)
        return file.deletingLastPathComponent().standardizedFileURL.path
    }

    /// The files of an exercise card's folder (regular files directly in it, each within a deck
    /// file's size limit), for the package to carry; nil when the folder cannot be read whole.
    static func exerciseFiles(of card: Card, root: String) -> [String: Data]? {
        let yaml =
            card.sourceFile.hasPrefix("/")
            ? URL(fileURLWithPath: card.sourceFile) : URL(fileURLWithPath: root).appendingPathComponent(card.sourceFile)
        let folder = yaml.deletingLastPathComponent()
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: folder.path), names.contains("exercise.yaml") else {
            return nil
        }
        var files: [String: Data] = [:]
        for name in names.sorted() where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            guard let attributes = try? fm.attributesOfItem(atPath: url.path),
                attributes[.type] as? FileAttributeType == .typeRegular
            else { continue }
            guard (attributes[.size] as? Int ?? Int.max) <= DeckLimits.maxFileBytes, files.count < 64,
                let data = try? Data(contentsOf: url)
            else { return nil }
            files[name] = data
        }
        return files
    }
}
