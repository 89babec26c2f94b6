/// Anki's cloze deletions, `{{c1::answer}}` or `{{c1::answer::hint}}`, in a field's text. They may
/// nest, as in Anki: `{{c1::outer {{c2::inner}} part}}` is two cards, the first hiding the whole
/// outer text, the second only `inner`.
public enum AnkiCloze {
    struct Deletion {
        var range: Range<String.Index>
        var ordinal: Int
        var answer: String
        var hint: String?
    }

    /// The cloze numbers used in `text`, nested ones included, ascending (`{{c2::…}}` gives 2).
    public static func ordinals(in text: String) -> [Int] {
        Array(Set(allOrdinals(in: text))).sorted()
    }

    private static func allOrdinals(in text: String) -> [Int] {
        deletions(in: text).flatMap { [$0.ordinal] + allOrdinals(in: $0.answer) }
    }

    /// The text as the question of cloze `ordinal`: its deletions become `[...]` (or `[hint]`),
    /// hiding what they hold; the others show their answer, with the deletions inside them treated
    /// the same way.
    public static func question(_ text: String, ordinal: Int) -> String {
        replace(text) { $0.ordinal == ordinal ? "[\($0.hint ?? "...")]" : question($0.answer, ordinal: ordinal) }
    }

    /// The text with every deletion, nested ones too, showing its answer.
    public static func answer(_ text: String) -> String {
        replace(text) { answer($0.answer) }
    }

    static func replace(_ text: String, with body: (Deletion) -> String) -> String {
        var out = ""
        var index = text.startIndex
        for deletion in deletions(in: text) {
            out += text[index..<deletion.range.lowerBound]
            out += body(deletion)
            index = deletion.range.upperBound
        }
        return out + text[index...]
    }

    /// Top-level deletions left to right; nested ones are in the text of their outer deletion.
    static func deletions(in text: String) -> [Deletion] {
        var result: [Deletion] = []
        var search = text.startIndex
        while let open = text.range(of: "{{c", range: search..<text.endIndex) {
            var digits = open.upperBound
            while digits < text.endIndex, text[digits].isASCII, text[digits].isNumber {
                digits = text.index(after: digits)
            }
            guard digits > open.upperBound, let ordinal = Int(text[open.upperBound..<digits]),
                text[digits...].hasPrefix("::")
            else {
                search = open.upperBound
                continue
            }
            let bodyStart = text.index(digits, offsetBy: 2)
            // The closing braces, skipping nested {{…}} pairs.
            var depth = 0
            var cursor = bodyStart
            var close: Range<String.Index>?
            while cursor < text.endIndex {
                if text[cursor...].hasPrefix("{{") {
                    depth += 1
                    cursor = text.index(cursor, offsetBy: 2)
                } else if text[cursor...].hasPrefix("}}") {
                    if depth == 0 {
                        close = cursor..<text.index(cursor, offsetBy: 2)
                        break
                    }
                    depth -= 1
                    cursor = text.index(cursor, offsetBy: 2)
                } else {
                    cursor = text.index(after: cursor)
                }
            }
            guard let close else { break }
            let body = String(text[bodyStart..<close.lowerBound])
            var answer = body
            var hint: String?
            if let separator = body.range(of: "::", options: .backwards), depthIsZero(body, at: separator.lowerBound) {
                answer = String(body[..<separator.lowerBound])
                hint = String(body[separator.upperBound...])
            }
            result.append(
                Deletion(range: open.lowerBound..<close.upperBound, ordinal: ordinal, answer: answer, hint: hint))
            search = close.upperBound
        }
        return result
    }

    private static func depthIsZero(_ text: String, at index: String.Index) -> Bool {
        let before = text[..<index]
        return before.components(separatedBy: "{{").count == before.components(separatedBy: "}}").count
    }
}
