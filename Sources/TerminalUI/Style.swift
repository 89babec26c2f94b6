/// Text attributes, rendered as ANSI SGR sequences when colour is on.
public struct Style: Hashable, Sendable {
    public var bold = false
    public var dim = false
    public var italic = false
    public var underline = false
    public var inverse = false
    /// ANSI foreground colour 30–37 / 90–97; nil for the terminal's default.
    public var foreground: Int?

    public init(
        bold: Bool = false, dim: Bool = false, italic: Bool = false, underline: Bool = false, inverse: Bool = false,
        foreground: Int? = nil
    ) {
        self.bold = bold
        self.dim = dim
        self.italic = italic
        self.underline = underline
        self.inverse = inverse
        self.foreground = foreground
    }

    public static let plain = Style()
    public static let heading = Style(bold: true, foreground: 36)
    public static let strong = Style(bold: true)
    public static let emphasis = Style(italic: true)
    public static let code = Style(foreground: 33)
    public static let quote = Style(dim: true, italic: true)
    public static let muted = Style(dim: true)
    public static let keyword = Style(bold: true, foreground: 35)
    public static let string = Style(foreground: 32)
    public static let comment = Style(dim: true, italic: true)
    public static let number = Style(foreground: 34)
    public static let accent = Style(bold: true, foreground: 32)
    public static let warning = Style(bold: true, foreground: 31)

    /// This style on top of another (bold + code = bold code).
    public func merged(over base: Style) -> Style {
        Style(
            bold: bold || base.bold, dim: dim || base.dim, italic: italic || base.italic,
            underline: underline || base.underline, inverse: inverse || base.inverse,
            foreground: foreground ?? base.foreground)
    }

    /// The SGR sequence that switches to this style from plain.
    public var sgr: String {
        var codes: [String] = []
        if bold { codes.append("1") }
        if dim { codes.append("2") }
        if italic { codes.append("3") }
        if underline { codes.append("4") }
        if inverse { codes.append("7") }
        if let foreground { codes.append(String(foreground)) }
        return codes.isEmpty ? "" : "\u{1B}[" + codes.joined(separator: ";") + "m"
    }
}

/// A run of text in one style.
public struct Span: Hashable, Sendable {
    public var text: String
    public var style: Style

    public init(_ text: String, _ style: Style = .plain) {
        self.text = text
        self.style = style
    }
}

/// One screen line as styled runs.
public typealias StyledLine = [Span]

/// Whether to emit colour: off when `NO_COLOR` is set (any value) or the output is not a terminal.
public struct ColorMode: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    public static func detect(environment: [String: String], isTerminal: Bool) -> ColorMode {
        let noColor = environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return ColorMode(enabled: isTerminal && !noColor && environment["TERM"] != "dumb")
    }

    /// Renders a line: styles as SGR sequences (reset after each styled run) or plain text.
    public func render(_ line: StyledLine) -> String {
        var out = ""
        for span in line {
            let sgr = enabled ? span.style.sgr : ""
            out += sgr.isEmpty ? span.text : sgr + span.text + "\u{1B}[0m"
        }
        return out
    }
}

extension StyledLine {
    public var plainText: String { map(\.text).joined() }
    public var width: Int { reduce(0) { $0 + DisplayWidth.of($1.text) } }
}
