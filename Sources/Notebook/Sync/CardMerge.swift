import DeckFormat
import Foundation
import GitSync
import RecallCore

/// Merges a Markdown deck file changed on both sides card by card, using the cards' `{#id}`s
/// (SYNC.md). A card changed on one side takes that side; changed identically, either; deleted on
/// one side and edited on the other, the edit. Changed differently on both sides, ours stays the
/// card and theirs is kept right below it as a *conflict copy*: the same block with the id
/// `<id>--conflict-<hash>`, where the hash is of their version. The file stays valid Markdown
/// that the importer reads as it is (the copy is an ordinary card until resolved), no version is
/// lost, and merging the same versions again adds no second copy.
enum CardMerge {
    /// The marker between a card's id and the fingerprint of the conflicting version.
    static let conflictMarker = "--conflict-"

    /// One card's block of lines, heading to the line before the next card's heading.
    struct Block {
        /// The id, else `?question` for a card that has none yet.
        var key: String
        var id: String?
        var question: String
        var text: String

        /// The block without trailing blank lines: what "changed" is judged on.
        var normalized: Substring {
            var end = text.endIndex
            while end > text.startIndex {
                let before = text.index(before: end)
                guard text[before].isWhitespace else { break }
                end = before
            }
            return text[..<end]
        }
    }

    /// A file cut into what precedes the first card (front matter, title) and card blocks.
    struct Layout {
        var preamble: String
        var blocks: [Block]

        func block(_ key: String) -> Block? { blocks.first { $0.key == key } }
    }

    /// Cuts `text` at the card headings the deck parser finds (one parser for the format).
    static func layout(_ text: String) -> Layout {
        let parsed = CardParser.parse(text: text, file: "")
        var lineStarts: [String.Index] = [text.startIndex]
        var index = text.utf8.startIndex
        while index != text.utf8.endIndex {
            let next = text.utf8.index(after: index)
            if text.utf8[index] == UInt8(ascii: "\n"), next != text.utf8.endIndex { lineStarts.append(next) }
            index = next
        }
        func start(ofLine line: Int) -> String.Index {
            line - 1 < lineStarts.count ? lineStarts[line - 1] : text.endIndex
        }
        guard let first = parsed.cards.first else { return Layout(preamble: text, blocks: []) }
        var blocks: [Block] = []
        var seen: [String: Int] = [:]
        for (position, card) in parsed.cards.enumerated() {
            let from = start(ofLine: card.line)
            let to = position + 1 < parsed.cards.count ? start(ofLine: parsed.cards[position + 1].line) : text.endIndex
            var key = card.id ?? "?" + card.question
            seen[key, default: 0] += 1
            if let count = seen[key], count > 1 { key += "#\(count)" }  // a duplicate id: keep both blocks
            blocks.append(Block(key: key, id: card.id, question: card.question, text: String(text[from..<to])))
        }
        return Layout(preamble: String(text[..<start(ofLine: first.line)]), blocks: blocks)
    }

    /// A conflict reported by `merge`: the card's id and its copy's id.
    struct Conflict: Hashable {
        var id: String
        var copy: String

        /// Carried through GitSync's `MergeResolution.conflicts` as "id copy".
        var encoded: String { "\(id) \(copy)" }

        init(id: String, copy: String) {
            self.id = id
            self.copy = copy
        }

        init?(encoded: String) {
            let parts = encoded.split(separator: " ")
            guard parts.count == 2 else { return nil }
            self.init(id: String(parts[0]), copy: String(parts[1]))
        }
    }

    /// The three-way merge of one deck file; nil sides are absent (file added or deleted).
    static func merge(base: Data?, ours: Data?, theirs: Data?) -> MergeResolution {
        func text(_ data: Data?) -> String? { data.flatMap { String(validating: [UInt8]($0), as: UTF8.self) } }
        // A side that is not UTF-8 text cannot be read card by card: keep ours, theirs stays in history.
        if (ours != nil && text(ours) == nil) || (theirs != nil && text(theirs) == nil) {
            return MergeResolution(contents: ours ?? theirs, conflicts: [])
        }
        let merged = merge(base: text(base).map(layout), ours: text(ours).map(layout), theirs: text(theirs).map(layout))
        return merged.resolution
    }

    /// A merged file before it is written out.
    struct Merged {
        /// Nil when the file is gone (its preamble and all its cards).
        var preamble: String?
        var blocks: [Block]
        var conflicts: [Conflict]
        /// Deleted on one side with nothing edited on the other.
        var deleted: Bool

        var resolution: MergeResolution {
            if deleted && blocks.isEmpty { return MergeResolution(contents: nil) }
            return MergeResolution(
                contents: Data(render(preamble: preamble ?? "", blocks: blocks).utf8),
                conflicts: conflicts.map(\.encoded))
        }
    }

    /// The three-way merge of one file's layouts (nil: the file is absent on that side).
    static func merge(base: Layout?, ours o: Layout?, theirs t: Layout?) -> Merged {
        let b = base ?? Layout(preamble: "", blocks: [])
        // Front matter and title: a side whose file is gone has no opinion about them.
        let basePreamble = base == nil ? nil : b.preamble
        let preamble = pick(base: basePreamble, ours: o?.preamble ?? basePreamble, theirs: t?.preamble ?? basePreamble)

        var order: [String] = o?.blocks.map(\.key) ?? []
        var placed = Set(order)
        var previous: String?
        for block in t?.blocks ?? [] {
            if !placed.contains(block.key) {
                let at = previous.flatMap { order.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
                order.insert(block.key, at: at)
                placed.insert(block.key)
            }
            previous = block.key
        }
        // Base cards deleted on both sides are already absent from `order`.

        var out: [Block] = []
        var conflicts: [Conflict] = []
        let existing = Set(o?.blocks.compactMap(\.id) ?? [])
        for key in order {
            let (kept, conflict) = mergeCard(
                base: b.block(key), ours: o?.block(key), theirs: t?.block(key), existing: existing)
            out += kept
            if let conflict { conflicts.append(conflict) }
        }
        return Merged(preamble: preamble, blocks: out, conflicts: conflicts, deleted: o == nil || t == nil)
    }

    /// One card's three versions merged: the blocks to keep (the card, and a conflict copy of
    /// theirs below it when both changed it differently, unless `existing` has that copy already).
    static func mergeCard(base: Block?, ours mine: Block?, theirs their: Block?, existing: Set<String>)
        -> (blocks: [Block], conflict: Conflict?)
    {
        let same = { (x: Block?, y: Block?) in x?.normalized == y?.normalized }
        if same(mine, their) || same(their, base) { return (mine.map { [$0] } ?? [], nil) }
        if same(mine, base) { return (their.map { [$0] } ?? [], nil) }
        if let mine, let their {
            let copy = copyID(of: their)
            if existing.contains(copy) { return ([mine], nil) }
            let id = their.id ?? Identifier.slug(their.question)
            return (
                [mine, renamed(their, to: copy)], Conflict(id: original(ofCopy: id) ?? id, copy: copy)
            )
        }
        // Deleted on one side, edited on the other: the edit wins.
        return ((mine ?? their).map { [$0] } ?? [], nil)
    }

    /// A file's text from its preamble and card blocks, one blank line between blocks.
    static func render(preamble: String, blocks: [Block]) -> String {
        var result = preamble
        for block in blocks {
            if !result.isEmpty {
                if !result.hasSuffix("\n") { result += "\n" }
                if !result.hasSuffix("\n\n") { result += "\n" }
            }
            result += block.text
        }
        if !result.isEmpty && !result.hasSuffix("\n") { result += "\n" }
        return result
    }

    /// One-sided change wins; both changed differently: ours.
    private static func pick(base: String?, ours: String?, theirs: String?) -> String? {
        if ours == theirs || theirs == base { return ours }
        if ours == base { return theirs }
        return ours
    }

    /// `<id>--conflict-<8 hex of their version>`, kept within the 100-character id limit. A copy
    /// is never copied again: when a copy itself changed differently on both sides, the other
    /// version becomes one more copy of the original card (`<id>--conflict-<its hash>`).
    static func copyID(of block: Block) -> String {
        let id = block.id ?? Identifier.slug(block.question)
        let base = original(ofCopy: id) ?? id
        let hash = String(ContentHash.of([String(block.normalized)]).prefix(8))
        let stem = String((base.isEmpty ? "card" : base).prefix(100 - conflictMarker.count - hash.count))
        return stem + conflictMarker + hash
    }

    /// The block with its heading's id replaced (or added) by `id`; nothing else changes.
    static func renamed(_ block: Block, to id: String) -> Block {
        var copy = block
        copy.id = id
        copy.key = id
        copy.text = withHeadingID(block.text, old: block.id, new: id)
        return copy
    }

    static func withHeadingID(_ text: String, old: String?, new: String) -> String {
        let end = text.firstIndex(of: "\n") ?? text.endIndex
        var heading = String(text[..<end])
        let rest = text[end...]
        var trailing = ""
        while let last = heading.last, last == " " || last == "\t" || last == "\r" {
            trailing = String(last) + trailing
            heading.removeLast()
        }
        if let old, heading.hasSuffix("{#\(old)}") {
            heading = String(heading.dropLast(old.count + 3)) + "{#\(new)}"
        } else {
            heading += " {#\(new)}"
        }
        return heading + trailing + rest
    }

    /// The conflict copies that appear in `new` but not in `old` and hold the version `old` had
    /// for their card: after a merge made on another machine arrives, this notebook's own version
    /// is the copy, not the card (so `--ours` must keep the copy).
    /// `old` holds the previous versions of every deck file the merge changed: a card may have
    /// moved to another file in the merge.
    static func copiesHoldingOldVersion(old: [String], new: String) -> [String] {
        let before = old.map(layout)
        func previous(_ id: String) -> Block? { before.lazy.compactMap { $0.block(id) }.first }
        return layout(new).blocks.compactMap { block -> String? in
            guard let id = block.id, let original = original(ofCopy: id), previous(id) == nil,
                let previous = previous(original)
            else { return nil }
            return renamed(block, to: original).normalized == previous.normalized ? id : nil
        }
    }

    /// Whether `id` names a conflict copy, and of which card.
    static func original(ofCopy id: String) -> String? {
        guard let range = id.range(of: conflictMarker, options: .backwards) else { return nil }
        let hash = id[range.upperBound...]
        guard hash.count == 8, hash.allSatisfy(\.isHexDigit) else { return nil }
        return String(id[..<range.lowerBound])
    }

    /// The file with conflict `copy` of card `id` resolved: `keepTheirs` puts the copy's content in
    /// the card's place (under the card's id); either way the copy block goes.
    static func resolve(_ text: String, id: String, copy: String, keepTheirs: Bool) -> String? {
        let file = layout(text)
        guard let copyBlock = file.block(copy), file.block(id) != nil || keepTheirs else { return nil }
        var result = file.preamble
        var blocks: [Block] = []
        for block in file.blocks where block.key != copy {
            if block.key == id && keepTheirs {
                var replacement = renamed(copyBlock, to: id)
                // Keep the separation the original block had before the next card.
                if block.text.hasSuffix("\n\n") && !replacement.text.hasSuffix("\n\n") { replacement.text += "\n" }
                blocks.append(replacement)
            } else {
                blocks.append(block)
            }
        }
        for block in blocks {
            if !result.isEmpty && !result.hasSuffix("\n") { result += "\n" }
            result += block.text
        }
        // The copy was often the last block: leave the file ending the way a file ends.
        while result.hasSuffix("\n\n") { result.removeLast() }
        if !result.isEmpty && !result.hasSuffix("\n") { result += "\n" }
        return result
    }
}
