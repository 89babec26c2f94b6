/// Text from HTML written as Markdown that reads back as the same text: what CommonMark (and
/// GFM, and the deck format) would take for syntax is escaped, and only that, so that ordinary
/// text stays readable in the deck file (`d_model` keeps its underscore as is).
enum MarkdownEscaping {
    /// `text`, a run of text (whitespace collapsed) written after the character `previous`.
    /// Formulas in it are written as they are.
    static func escaped(_ text: String, after previous: Character?) -> String {
        let characters = Array(text)
        var formulaAt: [Int: Int] = [:]  // start offset → end offset, in characters
        for span in Formulas.spans(in: text) {
            formulaAt[text.distance(from: text.startIndex, to: span.lowerBound)] =
                text.distance(from: text.startIndex, to: span.upperBound)
        }
        var out = ""
        var i = 0
        while i < characters.count {
            if let end = formulaAt[i] {
                out += String(characters[i..<end])
                i = end
                continue
            }
            let character = characters[i]
            let before: Character? = i > 0 ? characters[i - 1] : previous
            let after: Character? = i + 1 < characters.count ? characters[i + 1] : nil
            if i == 0, previous == "]", let entity = ["(": "&#40;", "[": "&#91;", ":": "&#58;"][character] {
                // After a `]` written before this run it could complete a link (an entity rather
                // than `\(`, which would open a formula).
                out += entity
                i += 1
                continue
            }
            switch character {
            case "\\":
                // A backslash escapes only punctuation; before a letter it is shown as it is.
                out += after.map(isPunctuation) ?? true ? "\\\\" : "\\"
            case "*", "`", "~", "|":
                out += "\\" + String(character)
            case "_":
                // Inside a word an underscore never opens or closes emphasis.
                let inWord = (before.map(isWordCharacter) ?? false) && (after.map(isWordCharacter) ?? false)
                out += inWord ? "_" : "\\_"
            case "[":
                out += startsLink(characters, at: i) ? "\\[" : "["
            case "<":
                // `<` then a letter, `/`, `!` or `?` would be a tag (or an autolink).
                let tagLike = after.map { ($0.isASCII && $0.isLetter) || "/!?".contains($0) } ?? true
                out += tagLike ? "&lt;" : "<"
            case "&":
                out += startsEntity(characters, at: i) ? "&amp;" : "&"
            case "#" where before == "{":
                out += "\\#"  // `{#id}` in a heading is the card's id
            default:
                out.append(character)
            }
            i += 1
        }
        return out
    }

    /// `text` (already escaped) written at the start of a line: a block marker there is escaped,
    /// so the line stays a paragraph's (`- x`, `> x`, `1. x`, `# x`, a setext `=`/`-` line).
    static func escapedLineStart(_ text: String) -> String {
        guard let first = text.first else { return text }
        if "#>-+=".contains(first) { return "\\" + text }
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, digits.count <= 9, let mark = text.dropFirst(digits.count).first, mark == "." || mark == ")"
        {
            return digits + "\\" + text.dropFirst(digits.count)
        }
        return text
    }

    static func isPunctuation(_ character: Character) -> Bool {
        character.isASCII && (character.isPunctuation || character.isSymbol)
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber
    }

    /// Whether the `[` at `index` could start a link, image or reference: its matching `]` is
    /// followed by `(`, `[` or `:`, or it has none in this run (the link text may go on in the
    /// next run). A `]` ending the run is followed by what the next run starts with, escaped then.
    private static func startsLink(_ characters: [Character], at index: Int) -> Bool {
        var depth = 0
        var i = index
        while i < characters.count {
            switch characters[i] {
            case "\\": i += 1
            case "[": depth += 1
            case "]":
                depth -= 1
                if depth == 0 {
                    // At the run's end it is followed by the next run, whose `(` is escaped then.
                    guard i + 1 < characters.count else { return false }
                    return "([:".contains(characters[i + 1])
                }
            default: break
            }
            i += 1
        }
        return true
    }

    /// Whether the `&` at `index` starts a character reference: `&name;`, `&#123;` or `&#x1F;`.
    private static func startsEntity(_ characters: [Character], at index: Int) -> Bool {
        var i = index + 1
        var count = 0
        if i < characters.count, characters[i] == "#" {
            i += 1
            if i < characters.count, characters[i] == "x" || characters[i] == "X" { i += 1 }
            while i < characters.count, characters[i].isHexDigit, count < 8 {
                i += 1
                count += 1
            }
        } else {
            while i < characters.count, characters[i].isASCII, characters[i].isLetter || characters[i].isNumber,
                count < 32
            {
                i += 1
                count += 1
            }
        }
        return count > 0 && i < characters.count && characters[i] == ";"
    }
}
