/// Formulas in card text, `\( … \)`, `\[ … \]`, `$$ … $$` and `$ … $`, which MathJax (in Anki and
/// elsewhere) reads from the text: they pass between Markdown and HTML untouched, since Markdown
/// would take their backslashes as escapes and their `*` and `_` as emphasis.
enum Formulas {
    /// The formulas in `text`, left to right. A formula holds no backtick (it would cross a code
    /// span) and no blank line; a `$` formula starts before a non-space and ends after one, not
    /// followed by a digit (`$5 and $10` is no formula), and an escaped `\$` starts none.
    static func spans(in text: String) -> [Range<String.Index>] {
        var result: [Range<String.Index>] = []
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            let next = text.index(after: index)
            if character == "\\", next < text.endIndex {
                let closer: String? = text[next] == "(" ? "\\)" : text[next] == "[" ? "\\]" : nil
                if let closer, let end = close(text, from: text.index(after: next), closer: closer) {
                    result.append(index..<end)
                    index = end
                } else {
                    index = text.index(after: next)  // an escaped character is never an opener
                }
                continue
            }
            if character == "$" {
                if next < text.endIndex, text[next] == "$" {
                    if let end = close(text, from: text.index(after: next), closer: "$$") {
                        result.append(index..<end)
                        index = end
                        continue
                    }
                } else if let end = closeDollar(text, from: next) {
                    result.append(index..<end)
                    index = end
                    continue
                }
            }
            index = next
        }
        return result
    }

    /// The end of the formula whose body starts at `start`, just past `closer`.
    private static func close(_ text: String, from start: String.Index, closer: String) -> String.Index? {
        var index = start
        var newline = false
        while index < text.endIndex {
            let character = text[index]
            if character == "`" { return nil }
            if character.isNewline {
                if newline { return nil }
                newline = true
            } else if !character.isWhitespace {
                newline = false
            }
            if text[index...].hasPrefix(closer) {
                return index == start ? nil : text.index(index, offsetBy: closer.count)
            }
            // A backslash escapes the next character inside `$` formulas too (`\$` is a dollar).
            if character == "\\" && closer.hasPrefix("$") {
                index = text.index(after: index)
                if index == text.endIndex { return nil }
            }
            index = text.index(after: index)
        }
        return nil
    }

    private static func closeDollar(_ text: String, from start: String.Index) -> String.Index? {
        guard start < text.endIndex, !text[start].isWhitespace else { return nil }
        var index = start
        while index < text.endIndex {
            let character = text[index]
            if character == "`" || character.isNewline { return nil }
            if character == "\\" {
                index = text.index(after: index)
                if index == text.endIndex { return nil }
            } else if character == "$" {
                let before = text[text.index(before: index)]
                let after = text.index(after: index)
                if before.isWhitespace || (after < text.endIndex && text[after].isNumber) { return nil }
                return after
            }
            index = text.index(after: index)
        }
        return nil
    }
}
