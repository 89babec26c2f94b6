/// Wraps styled text to a column width: English breaks at spaces, Chinese between any two
/// characters (but not before closing punctuation), over-long words are cut. Widths are display
/// widths, so a wide character is never split and no line exceeds the width.
public enum Wrapper {
    struct Atom {
        var text: String
        var style: Style
        var width: Int
        var isSpace: Bool
        /// No break is allowed between this atom and the one before it.
        var joinsPrevious: Bool
    }

    static let noBreakBefore: Set<Character> = [
        "，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》", "】", "〕", "…", ",", ".", ";", ":", "?", "!", ")",
        "]", "}", "％", "%",
    ]

    static let noBreakAfter: Set<Character> = ["（", "「", "『", "《", "【", "〔", "(", "[", "{", "“", "‘"]

    /// `prefix` starts the first line and `continuation` the others (indentation, list bullets,
    /// quote bars); both count toward the width.
    public static func wrap(
        _ line: StyledLine, width: Int, prefix: StyledLine = [], continuation: StyledLine = []
    ) -> [StyledLine] {
        let width = max(width, 1)
        let atoms = atomize(line)
        var lines: [StyledLine] = []
        var current: StyledLine = prefix
        var used = prefix.width
        var lineHasContent = false
        var pendingSpace: Atom?

        func newLine() {
            lines.append(current)
            current = continuation
            used = continuation.width
            lineHasContent = false
            pendingSpace = nil
        }

        func append(_ atom: Atom) {
            if let last = current.last, last.style == atom.style {
                current[current.count - 1].text += atom.text
            } else {
                current.append(Span(atom.text, atom.style))
            }
            used += atom.width
            lineHasContent = true
        }

        var index = 0
        while index < atoms.count {
            if atoms[index].isSpace {
                if lineHasContent { pendingSpace = atoms[index] }
                index += 1
                continue
            }
            // The group of atoms that must stay together.
            var end = index + 1
            while end < atoms.count, atoms[end].joinsPrevious, !atoms[end].isSpace { end += 1 }
            let group = atoms[index..<end]
            let groupWidth = group.reduce(0) { $0 + $1.width }
            let spaceWidth = pendingSpace?.width ?? 0
            if lineHasContent && used + spaceWidth + groupWidth > width {
                newLine()
            }
            if let space = pendingSpace, lineHasContent {
                append(space)
                pendingSpace = nil
            }
            if used + groupWidth <= width {
                group.forEach(append)
            } else {
                // Longer than a whole line: cut it character by character.
                for atom in group {
                    for character in atom.text {
                        let w = DisplayWidth.of(character)
                        if used + w > width && lineHasContent { newLine() }
                        append(
                            Atom(
                                text: String(character), style: atom.style, width: w, isSpace: false,
                                joinsPrevious: true))
                    }
                }
            }
            index = end
        }
        if lineHasContent || lines.isEmpty { lines.append(current) }
        return lines
    }

    static func atomize(_ line: StyledLine) -> [Atom] {
        var atoms: [Atom] = []
        var previousWasWord = false
        var previousOpens = false
        for span in line {
            var word = ""
            var wordWidth = 0
            var wordJoins = false
            func flushWord() {
                if !word.isEmpty {
                    atoms.append(
                        Atom(text: word, style: span.style, width: wordWidth, isSpace: false, joinsPrevious: wordJoins))
                }
                word = ""
                wordWidth = 0
            }
            for character in span.text {
                let w = DisplayWidth.of(character)
                if character == " " || character == "\t" {
                    flushWord()
                    atoms.append(Atom(text: " ", style: span.style, width: 1, isSpace: true, joinsPrevious: false))
                    previousWasWord = false
                    previousOpens = false
                } else if w == 2 {
                    flushWord()
                    atoms.append(
                        Atom(
                            text: String(character), style: span.style, width: 2, isSpace: false,
                            joinsPrevious: noBreakBefore.contains(character) || previousOpens))
                    previousWasWord = false
                    previousOpens = noBreakAfter.contains(character)
                } else {
                    if word.isEmpty {
                        // A word continuing across a style change, punctuation after CJK, or text after
                        // an opening bracket stays glued.
                        wordJoins = previousWasWord || noBreakBefore.contains(character) || previousOpens
                    }
                    previousOpens = false
                    word.append(character)
                    wordWidth += w
                    previousWasWord = true
                }
            }
            flushWord()
        }
        return atoms
    }
}
