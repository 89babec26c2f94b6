import AnkiPackage
import Foundation
import RecallCore

/// Turns Anki notes into Recall cards (question, answer, tags), by note type:
/// - standard types: one card per template (Anki's card of that ordinal): the question is the
///   fields the template's question shows, the answer the other fields its answer shows (Basic,
///   both sides of Basic and reversed, type-in, custom ones);
/// - cloze types: one card per cloze number, question with that cloze blanked, answer in full;
/// - anything else (a template showing no field, Image Occlusion) cannot be mapped.
struct AnkiNoteConverter {
    struct Converted {
        /// Appended to the note's id ("-c2" for cloze 2, "-t2" for a second template), empty for
        /// the first template's card.
        var suffix: String
        /// The Anki card (template or cloze ordinal) whose reviews belong to this card.
        var ordinal: Int
        var front: String
        var back: String
        /// The files of an exercise folder, for an exercise card of a Recall export.
        var exercise: [String: Data]? = nil
        /// The tags in the card's own order, for a Recall note whose tags Anki sorted.
        var tags: [String]? = nil
    }

    /// The fields one template shows: on the question side, and the others on the answer side.
    struct Sides: Equatable {
        var front: [Int]
        var back: [Int]
    }

    enum Plan {
        /// By template ordinal; nil for a template that shows no field on a side. The first is
        /// never nil.
        case templates([Sides?])
        case cloze(text: Int, extra: [Int])
    }

    /// How notes of `type` become cards; nil when they cannot be mapped (the first template
    /// cannot: every note has a card of it).
    static func plan(for type: AnkiNoteType) -> Plan? {
        guard let template = type.templates.first else { return nil }
        let index = Dictionary(type.fields.enumerated().map { ($1.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        if type.kind == .cloze {
            let question = references(in: template.question)
            let answer = references(in: template.answer)
            if type.fields.contains(where: { $0.lowercased() == "occlusion" })
                || template.question.contains("image-occlusion")
            {
                return nil  // Image Occlusion: the question is a picture with masks
            }
            guard let text = question.first(where: { $0.cloze }).flatMap({ index[$0.name] }) else { return nil }
            let extra = answer.compactMap { index[$0.name] }.filter { $0 != text }
            return .cloze(text: text, extra: unique(extra))
        }
        let sides = type.templates.map { template -> Sides? in
            // `{{type:Field}}` in a question is an input box for the answer, not part of the question.
            let front = unique(references(in: template.question).filter { !$0.typeIn }.compactMap { index[$0.name] })
            let back = unique(
                references(in: template.answer).compactMap { index[$0.name] }.filter { !front.contains($0) })
            return front.isEmpty || back.isEmpty ? nil : Sides(front: front, back: back)
        }
        guard sides.first.flatMap({ $0 }) != nil else { return nil }
        return .templates(sides)
    }

    /// `{{Field}}`, `{{type:Field}}`, `{{cloze:Text}}` …: the fields a template shows, in order.
    /// Section markers (`{{#F}}`, `{{^F}}`, `{{/F}}`) and `{{FrontSide}}` are not field contents.
    static func references(in template: String) -> [(name: String, cloze: Bool, typeIn: Bool)] {
        var result: [(String, Bool, Bool)] = []
        var rest = template[...]
        while let open = rest.range(of: "{{") {
            guard let close = rest[open.upperBound...].range(of: "}}") else { break }
            let body = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            rest = rest[close.upperBound...]
            guard let first = body.first, first != "#", first != "^", first != "/", first != "!" else { continue }
            let parts = body.split(separator: ":", omittingEmptySubsequences: false)
            let name = String(parts.last ?? "").trimmingCharacters(in: .whitespaces)
            if name.isEmpty || name == "FrontSide" || name == "Tags" || name == "Deck" || name == "Subdeck"
                || name == "Card" || name == "Type"
            {
                continue
            }
            let filters = parts.dropLast().map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
            result.append((name.lowercased(), filters.contains("cloze"), filters.contains("type")))
        }
        return result
    }

    private static func unique(_ values: [Int]) -> [Int] {
        var seen = Set<Int>()
        return values.filter { seen.insert($0).inserted }
    }

    /// The note's cards; empty when the first one's question or answer would be empty. `ordinals`:
    /// the templates the note has cards of in Anki (which decides, by the fields a template needs);
    /// the first template's card is always made. Nil: every template that shows something.
    static func convert(_ note: AnkiNote, plan: Plan, ordinals: Set<Int>? = nil) -> [Converted] {
        func field(_ i: Int) -> String { i < note.fields.count ? note.fields[i] : "" }
        func markdown(_ fields: [String]) -> String {
            fields.map { AnkiHTML.markdown(fromHTML: $0) }.filter { !$0.isEmpty }.joined(separator: "\n\n")
        }
        switch plan {
        case .templates(let templates):
            var made: [Converted] = []
            for (ordinal, sides) in templates.enumerated() {
                guard let sides, ordinal == 0 || ordinals?.contains(ordinal) ?? true else { continue }
                let question = oneLine(markdown(sides.front.map(field)))
                let answer = markdown(sides.back.map(field))
                guard !question.isEmpty, !answer.isEmpty else {
                    if ordinal == 0 { return [] }
                    continue
                }
                made.append(
                    Converted(
                        suffix: ordinal == 0 ? "" : "-t\(ordinal + 1)", ordinal: ordinal, front: question, back: answer)
                )
            }
            return made
        case .cloze(let text, let extra):
            let source = field(text)
            let ordinals = AnkiCloze.ordinals(in: source)
            let full = markdown([AnkiCloze.answer(source)] + extra.map(field))
            return ordinals.compactMap { ordinal in
                let question = oneLine(markdown([AnkiCloze.question(source, ordinal: ordinal)]))
                guard !question.isEmpty, !full.isEmpty else { return nil }
                return Converted(
                    suffix: "-c\(ordinal)", ordinal: ordinal - 1, front: question, back: full)
            }
        }
    }

    /// A question fits on the heading line of a deck file: its lines are joined, by `<br>` where a
    /// line ended in a hard break (`\`), else by a space. A `{#` in its text is already escaped
    /// (`{\#`), so it never reads as the card's id.
    static func oneLine(_ markdown: String) -> String {
        let lines = markdown.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        var result = ""
        for (index, line) in lines.enumerated() {
            var line = Substring(line)
            var separator = " "
            // A hard break only when a line follows: a question's last `\` is its own text.
            if index + 1 < lines.count, line.reversed().prefix(while: { $0 == "\\" }).count % 2 == 1 {
                line.removeLast()
                separator = "<br>"
            }
            result += line + (index + 1 < lines.count ? separator : "")
        }
        return result
    }
}
