/// Basic colouring of code blocks: keywords, strings, comments and numbers for Python, Swift and
/// C/C++ (and a neutral rendering for anything else).
public enum SyntaxHighlighter {
    enum Language {
        case python, swift, cpp, plain

        init(tag: String) {
            switch tag.lowercased() {
            case "py", "python", "python3": self = .python
            case "swift": self = .swift
            case "c", "cc", "cpp", "c++", "cxx", "h", "hpp": self = .cpp
            default: self = .plain
            }
        }

        var keywords: Set<String> {
            switch self {
            case .python:
                return [
                    "def", "class", "return", "if", "elif", "else", "for", "while", "in", "not", "and", "or", "is",
                    "None", "True", "False", "import", "from", "as", "with", "try", "except", "finally", "raise",
                    "lambda", "yield", "pass", "break", "continue", "global", "nonlocal", "self", "async", "await",
                ]
            case .swift:
                return [
                    "func", "class", "struct", "enum", "protocol", "extension", "let", "var", "return", "if", "else",
                    "guard", "for", "while", "in", "switch", "case", "default", "break", "continue", "nil", "true",
                    "false", "self", "init", "import", "public", "private", "static", "throws", "try", "where", "inout",
                ]
            case .cpp:
                return [
                    "int", "long", "double", "float", "bool", "char", "void", "auto", "const", "class", "struct",
                    "public", "private", "return", "if", "else", "for", "while", "do", "switch", "case", "break",
                    "continue", "new", "delete", "nullptr", "true", "false", "using", "namespace", "template",
                    "typename", "static", "include", "vector", "string", "unordered_map", "std",
                ]
            case .plain:
                return []
            }
        }

        var lineComment: String? {
            switch self {
            case .python: return "#"
            case .swift, .cpp: return "//"
            case .plain: return nil
            }
        }
    }

    /// Styled runs for one line of code in the language named by the fence tag.
    public static func highlight(_ line: String, language tag: String) -> StyledLine {
        let language = Language(tag: tag)
        guard language != .plain else { return [Span(line, .code)] }
        var spans: StyledLine = []
        let characters = Array(line)
        var i = 0
        var plain = ""
        func flush() {
            if !plain.isEmpty { spans.append(Span(plain, .plain)) }
            plain = ""
        }
        while i < characters.count {
            let c = characters[i]
            if let comment = language.lineComment, String(characters[i...].prefix(comment.count)) == comment {
                flush()
                spans.append(Span(String(characters[i...]), .comment))
                return spans
            }
            if c == "\"" || c == "'" {
                flush()
                var j = i + 1
                while j < characters.count, characters[j] != c {
                    if characters[j] == "\\" { j += 1 }
                    j += 1
                }
                let end = min(j + 1, characters.count)
                spans.append(Span(String(characters[i..<end]), .string))
                i = end
                continue
            }
            if c.isNumber && (i == 0 || !(characters[i - 1].isLetter || characters[i - 1] == "_")) {
                flush()
                var j = i
                while j < characters.count, characters[j].isNumber || characters[j] == "." || characters[j] == "e" {
                    j += 1
                }
                spans.append(Span(String(characters[i..<j]), .number))
                i = j
                continue
            }
            if c.isLetter || c == "_" {
                var j = i
                while j < characters.count, characters[j].isLetter || characters[j].isNumber || characters[j] == "_" {
                    j += 1
                }
                let word = String(characters[i..<j])
                if language.keywords.contains(word) {
                    flush()
                    spans.append(Span(word, .keyword))
                } else {
                    plain += word
                }
                i = j
                continue
            }
            plain.append(c)
            i += 1
        }
        flush()
        return spans
    }
}
