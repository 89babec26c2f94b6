import AnkiPackage
import Foundation
import RecallCore

/// Turns Anki notes into Recall cards (question, answer, tags), by note type:
/// - standard types: the question is the fields the first template's question shows, the answer
///   the other fields its answer shows (Basic, Basic and reversed, type-in, custom ones);
/// - cloze types: one card per cloze number, question with that cloze blanked, answer in full;
/// - anything else (a template showing no field, Image Occlusion) cannot be mapped.
struct AnkiNoteConverter {
    struct Converted {
        /// Appended to the note's id ("-c2" for cloze 2), empty for a one-card note.
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

    enum Plan {
        case fields(front: [Int], back: [Int])
        case cloze(text: Int, extra: [Int])
    }

    /// How notes of `type` become cards; nil when they cannot be mapped.
    static func plan(for type: AnkiNoteType) -> Plan? {
        guard let template = type.templates.first else { return nil }
        let index = Dictionary(type.fields.enumerated().map { ($1.lowercased(), $0) }, uniquingKeysWith: { a, _ in a })
        let question = references(in: template.question)
        let answer = references(in: template.answer)
        if type.kind == .cloze {
            if type.fields.contains(where: { $0.lowercased() == "occlusion" })
                || template.question.contains("image-occlusion")
            {
                return nil  // Image Occlusion: the question is a picture with masks
            }
            guard let text = question.first(where: { $0.cloze }).flatMap({ index[$0.name] }) else { return nil }
            let extra = answer.compactMap { index[$0.name] }.filter { $0 != text }
            return .cloze(text: text, extra: unique(extra))
        }
        // `{{type:Field}}` in a question is an input box for the answer, not part of the question.
        let front = unique(question.filter { !$0.typeIn }.compactMap { index[$0.name] })
        let back = unique(answer.compactMap { index[$0.name] }.filter { !front.contains($0) })
        guard !front.isEmpty, !back.isEmpty else { return nil }
        return .fields(front: front, back: back)
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

    /// The note's cards; empty when its question or answer would be empty.
    static func convert(_ note: AnkiNote, plan: Plan) -> [Converted] {
        func field(_ i: Int) -> String { i < note.fields.count ? note.fields[i] : "" }
        func markdown(_ fields: [String]) -> String {
            fields.map { AnkiHTML.markdown(fromHTML: $0) }.filter { !$0.isEmpty }.joined(separator: "\n\n")
        }
        switch plan {
        case .fields(let front, let back):
            let question = oneLine(markdown(front.map(field)))
            let answer = markdown(back.map(field))
            guard !question.isEmpty, !answer.isEmpty else { return [] }
            return [Converted(suffix: "", ordinal: 0, front: question, back: answer)]
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
