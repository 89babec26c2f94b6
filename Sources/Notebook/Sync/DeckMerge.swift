import Foundation
import GitSync

/// Merges the Markdown files of a deck source changed on either side, following each card by its
/// id across the files of its deck (SYNC.md): a card moved to another file (or whose file was
/// renamed) on one side and edited on the other ends up once, in the moved place, with the edit.
/// Cards that stayed in their file are merged file by file by `CardMerge`, as before.
///
/// Where a card goes: the side that moved it decides. Both moved it to different files: a card
/// moved out of a file that still exists beats a card whose whole file was renamed (the single
/// move is the more deliberate one), else ours. Its text follows `CardMerge.mergeCard`: a card
/// deleted on one side and moved without an edit on the other is deleted (a rename must not bring
/// back a card the other side deleted); deleted on one side and edited on the other, the edit.
enum DeckMerge {
    /// One deck file's three versions (nil: absent on that side).
    struct File {
        var path: String
        var base: String?
        var ours: String?
        var theirs: String?
        var changedOnOurs: Bool
        var changedOnTheirs: Bool
    }

    /// The resolutions of `files`, keyed by path: every file a moved card touches, and every file
    /// changed on both sides. Files changed on one side only, with no moved card, are left out
    /// (they take that side as they are). `deckOf` names the deck a path belongs to.
    static func merge(_ files: [File], deckOf: (String) -> String) -> [String: MergeResolution] {
        typealias Layout = CardMerge.Layout
        var base: [String: Layout] = [:]
        var ours: [String: Layout] = [:]
        var theirs: [String: Layout] = [:]
        for file in files {
            base[file.path] = file.base.map(CardMerge.layout)
            ours[file.path] = file.ours.map(CardMerge.layout)
            theirs[file.path] = file.theirs.map(CardMerge.layout)
        }
        let moves = moved(files.map(\.path), base: base, ours: ours, theirs: theirs, deckOf: deckOf)
        let movedKeys = Set(moves.keys)
        let involved = Set(moves.values.flatMap { [$0.base, $0.ours, $0.theirs].compactMap { $0?.path } })
        // Ids this side already has: a conflict copy made before is not made again.
        let existing = Set(ours.values.flatMap { $0.blocks.compactMap(\.id) })

        // Each moved card once: its merged blocks and the file and neighbour they go after.
        var placements: [String: [(position: Int, preceding: [String], blocks: [Block])]] = [:]
        var conflicts: [String: [CardMerge.Conflict]] = [:]
        for key in moves.keys.sorted() {
            guard let move = moves[key] else { continue }
            let (blocks, conflict) = CardMerge.mergeCard(
                base: move.base?.block, ours: move.ours?.block, theirs: move.theirs?.block, existing: existing)
            guard !blocks.isEmpty, let target = destination(of: move, ours: ours, theirs: theirs) else { continue }
            placements[target.path, default: []].append((target.position, target.preceding, blocks))
            if let conflict { conflicts[target.path, default: []].append(conflict) }
        }

        var resolutions: [String: MergeResolution] = [:]
        for file in files {
            let path = file.path
            let touched = involved.contains(path) || placements[path] != nil
            let changedOnBoth = file.changedOnOurs && file.changedOnTheirs && file.ours != file.theirs
            guard touched || changedOnBoth else { continue }
            if !touched {
                resolutions[path] = CardMerge.merge(
                    base: file.base.map { Data($0.utf8) }, ours: file.ours.map { Data($0.utf8) },
                    theirs: file.theirs.map { Data($0.utf8) })
                continue
            }
            let deck = deckOf(path)
            let strip = { (layout: Layout?) in
                layout.map {
                    Layout(preamble: $0.preamble, blocks: $0.blocks.filter { !movedKeys.contains(key(deck, $0)) })
                }
            }
            var merged = CardMerge.merge(base: strip(base[path]), ours: strip(ours[path]), theirs: strip(theirs[path]))
            // In the order the deciding side has them, each after the nearest card before it that is kept.
            for placement in (placements[path] ?? []).sorted(by: { $0.position < $1.position }) {
                let after = placement.preceding.lazy.compactMap { key in merged.blocks.firstIndex { $0.key == key } }
                    .first
                merged.blocks.insert(contentsOf: placement.blocks, at: after.map { $0 + 1 } ?? 0)
            }
            merged.conflicts += conflicts[path] ?? []
            if merged.preamble == nil, !merged.blocks.isEmpty {
                merged.preamble = (ours[path] ?? theirs[path])?.preamble ?? ""
            }
            resolutions[path] = merged.resolution
        }
        return resolutions
    }

    typealias Block = CardMerge.Block

    /// Where one version of a card is: its file and block.
    struct Place {
        var path: String
        var block: Block
    }

    /// One card's places in base, ours and theirs, at least two of them in different files.
    struct Move {
        var base: Place?
        var ours: Place?
        var theirs: Place?
    }

    private static func key(_ deck: String, _ block: Block) -> String { deck + "\u{0}" + (block.id ?? block.key) }

    /// The cards (by deck and id) found in different files in different versions; a card whose id
    /// appears more than once in one version is left to the per-file merge and the importer.
    private static func moved(
        _ paths: [String], base: [String: CardMerge.Layout], ours: [String: CardMerge.Layout],
        theirs: [String: CardMerge.Layout], deckOf: (String) -> String
    ) -> [String: Move] {
        func places(_ layouts: [String: CardMerge.Layout]) -> [String: [Place]] {
            var found: [String: [Place]] = [:]
            for path in paths {
                let deck = deckOf(path)
                for block in layouts[path]?.blocks ?? [] where block.id != nil {
                    found[key(deck, block), default: []].append(Place(path: path, block: block))
                }
            }
            return found
        }
        let (b, o, t) = (places(base), places(ours), places(theirs))
        var moves: [String: Move] = [:]
        for key in Set(b.keys).union(o.keys).union(t.keys) {
            let versions = [b[key] ?? [], o[key] ?? [], t[key] ?? []]
            guard versions.allSatisfy({ $0.count <= 1 }) else { continue }
            let files = Set(versions.compactMap { $0.first?.path })
            guard files.count > 1 else { continue }
            // Moved on one side and untouched on the other: that side's files are already right,
            // and the file-by-file merge keeps them as they are.
            let (old, mine, their) = (versions[0].first, versions[1].first, versions[2].first)
            func untouched(_ side: Place?) -> Bool {
                side?.path == old?.path && side?.block.normalized == old?.block.normalized
            }
            guard old == nil || (!untouched(mine) && !untouched(their)) else { continue }
            moves[key] = Move(base: old, ours: mine, theirs: their)
        }
        return moves
    }

    /// The file a moved card goes to, its position there, and the cards before it (nearest first).
    private static func destination(
        of move: Move, ours: [String: CardMerge.Layout], theirs: [String: CardMerge.Layout]
    ) -> (path: String, position: Int, preceding: [String])? {
        let baseFile = move.base?.path
        let oursMoved = move.ours != nil && move.ours?.path != baseFile
        let theirsMoved = move.theirs != nil && move.theirs?.path != baseFile
        // A renamed file: the card's old file is gone on that side.
        let oursRenamed = baseFile.map { ours[$0] == nil } ?? false
        let theirsRenamed = baseFile.map { theirs[$0] == nil } ?? false
        let useTheirs: Bool
        if oursMoved && theirsMoved {
            useTheirs = oursRenamed && !theirsRenamed
        } else if oursMoved || theirsMoved {
            useTheirs = theirsMoved
        } else {
            useTheirs = move.ours == nil  // kept where the surviving side has it
        }
        guard let place = useTheirs ? move.theirs : move.ours,
            let layout = (useTheirs ? theirs : ours)[place.path]
        else { return nil }
        let position = layout.blocks.firstIndex { $0.key == place.block.key } ?? 0
        return (place.path, position, layout.blocks[..<position].reversed().map(\.key))
    }
}
