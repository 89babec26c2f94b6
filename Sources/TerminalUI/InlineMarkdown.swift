import Foundation

/// Inline Markdown to styled spans: `code`, **strong**, *emphasis* / _emphasis_, [links](url).
enum InlineMarkdown {
    static func parse(_ text: String, base: Style = .plain) -> StyledLine {
        var spans: StyledLine = []
        var buffer = ""
        var bold = false
        var italic = false
        let characters = Array(text)
        var i = 0

        func style() -> Style {
            var s = base
            if bold { s = Style.strong.merged(over: s) }
            if italic { s = Style.emphasis.merged(over: s) }
            return s
        }
        func flush() {
            if !buffer.isEmpty { spans.append(Span(buffer, style())) }
            buffer = ""
        }
        func isWordCharacter(_ index: Int) -> Bool {
            index >= 0 && index < characters.count && (characters[index].isLetter || characters[index].isNumber)
        }

        while i < characters.count {
            let c = characters[i]
            if c == "\\", i + 1 < characters.count, "`*_[]()#\\".contains(characters[i + 1]) {
                buffer.append(characters[i + 1])
                i += 2
                continue
            }
            if c == "`" {
                var ticks = 0
                while i + ticks < characters.count, characters[i + ticks] == "`" { ticks += 1 }
                let fence = String(repeating: "`", count: ticks)
                let rest = String(characters[(i + ticks)...])
                if let close = rest.range(of: fence) {
                    flush()
                    var code = String(rest[..<close.lowerBound])
                    if code.hasPrefix(" ") && code.hasSuffix(" ") && code.count > 2 {
                        code = String(code.dropFirst().dropLast())
                    }
                    spans.append(Span(code, Style.code.merged(over: style())))
                    i += ticks + rest.distance(from: rest.startIndex, to: close.upperBound)
                    continue
                }
            }
            if c == "*" || c == "_" {
                let double = i + 1 < characters.count && characters[i + 1] == c
                // `_` inside a word (snake_case) is not emphasis.
                if c == "_" && isWordCharacter(i - 1) && isWordCharacter(i + (double ? 2 : 1)) {
                    buffer.append(c)
                    i += 1
                    continue
                }
                if double {
                    flush()
                    bold.toggle()
                    i += 2
                    continue
                }
                let next = i + 1 < characters.count ? characters[i + 1] : " "
                if italic || next != " " {
                    flush()
                    italic.toggle()
                    i += 1
                    continue
                }
            }
            if c == "[", let closeBracket = characters[i...].firstIndex(of: "]"),
                closeBracket + 1 < characters.count, characters[closeBracket + 1] == "(",
                let closeParen = characters[(closeBracket + 1)...].firstIndex(of: ")")
            {
                flush()
                let label = String(characters[(i + 1)..<closeBracket])
                spans.append(Span(label, Style(underline: true).merged(over: style())))
                i = closeParen + 1
                continue
            }
            buffer.append(c)
            i += 1
        }
        flush()
        return spans
    }
}
