/// What the review screen shows; the session fills it in, `ReviewScreen.layout` draws it.
public struct ReviewView: Sendable {
    public var deck: String
    public var card: String
    /// 1-based position of this card in the session, and how many the session holds now.
    public var position: Int
    public var total: Int
    public var newLeft: Int
    public var reviewLeft: Int
    public var drillLeft: Int
    /// The queue this card came from: "new", "review" or "drill".
    public var queue: String
    public var question: String
    public var answer: String
    public var revealed: Bool
    public var isExercise: Bool
    public var scroll: Int
    public var status: String?
    public var showHelp: Bool
    /// Extra key hints before the usual ones (e.g. an exercise's "r run check").
    public var extraKeys: [String] = []
    /// The hint for `m` when the visible side refers to a media file ("m open plot.png"), on both sides.
    public var mediaKey: String?

    public init(
        deck: String, card: String, position: Int, total: Int, newLeft: Int, reviewLeft: Int, drillLeft: Int,
        queue: String, question: String, answer: String, revealed: Bool = false, isExercise: Bool = false,
        scroll: Int = 0, status: String? = nil, showHelp: Bool = false
    ) {
        self.deck = deck
        self.card = card
        self.position = position
        self.total = total
        self.newLeft = newLeft
        self.reviewLeft = reviewLeft
        self.drillLeft = drillLeft
        self.queue = queue
        self.question = question
        self.answer = answer
        self.revealed = revealed
        self.isExercise = isExercise
        self.scroll = scroll
        self.status = status
        self.showHelp = showHelp
    }
}

/// Lays out the review screen as a pure function of the view and the terminal size.
public enum ReviewScreen {
    public struct Frame {
        /// Exactly `height` lines, none wider than `width`.
        public var lines: [StyledLine]
        /// The largest useful scroll offset for the body.
        public var maxScroll: Int
        /// The terminal is below `minimumSize`: the frame only says so.
        public var tooSmall = false
    }

    /// The smallest terminal the screen is laid out in: below it the footer alone would fill the
    /// rows, so one message takes the screen until the terminal grows.
    public static let minimumSize = (columns: 30, rows: 10)

    public static let keysHelp: [(String, String)] = [
        ("Space / Enter", "show the answer"),
        (
            "0 – 5",
            "grade (SM-2): 0 blackout · 1 wrong, familiar · 2 wrong, easy to recall · 3 right, hard · 4 right, hesitant · 5 perfect"
        ),
        ("u", "undo the last grade (the card comes back)"),
        ("e", "edit this card in $EDITOR (re-imported when you return)"),
        ("m", "open the card's image or audio file ($RECALL_OPENER, else xdg-open); again for the next one"),
        ("j / k, ↓ / ↑, PgDn / PgUp", "scroll a long card"),
        ("?", "this help"),
        ("Ctrl-Z", "suspend to the shell (fg brings the review back)"),
        ("q", "quit (every grade is already saved)"),
    ]

    public static func layout(_ view: ReviewView, width: Int, height: Int) -> Frame {
        if width < minimumSize.columns || height < minimumSize.rows {
            return tooSmall(width: width, height: height)
        }
        let header = headerLines(view, width: width)
        // A long status (an editor's error, say) may take more rows when the terminal has them.
        let footer = footerLines(view, width: width, statusLines: min(max(height / 6, 2), 4))
        let bodyHeight = max(height - header.count - footer.count, 1)
        let body = view.showHelp ? helpLines(width: width) : bodyLines(view, width: width)
        let maxScroll = max(body.count - bodyHeight, 0)
        let scroll = min(max(view.scroll, 0), maxScroll)
        var visible = Array(body.dropFirst(scroll).prefix(bodyHeight))
        if maxScroll > 0 && scroll < maxScroll, !visible.isEmpty {
            visible[visible.count - 1] = [Span("  ↓ more (j / PgDn)", .muted)]
        }
        while visible.count < bodyHeight { visible.append([]) }
        let lines = (header + visible + footer).prefix(height).map { MarkdownRenderer.hardCut($0, width: width) }
        return Frame(lines: Array(lines), maxScroll: maxScroll)
    }

    /// The one message of a terminal below `minimumSize`: the longest wording whose wrapped lines
    /// fit the rows (the last one is cut to the width if nothing else fits).
    static func tooSmall(width: Int, height: Int) -> Frame {
        let width = max(width, 1)
        let height = max(height, 1)
        let needs = "\(minimumSize.columns)×\(minimumSize.rows)"
        let wordings = [
            "Too small: the review needs \(needs), this terminal is \(width)×\(height). Make it larger, or q to quit.",
            "Too small (\(width)×\(height)): needs \(needs). q quits.",
            "Too small",
        ]
        let wrapped = wordings.map { Wrapper.wrap([Span($0, .accent)], width: width) }
        var lines = (wrapped.first { $0.count <= height } ?? wrapped[wrapped.count - 1]).prefix(height).map {
            MarkdownRenderer.hardCut($0, width: width)
        }
        while lines.count < height { lines.append([]) }
        return Frame(lines: Array(lines), maxScroll: 0, tooSmall: true)
    }

    static func headerLines(_ view: ReviewView, width: Int) -> [StyledLine] {
        let left = " \(view.deck) · \(view.position)/\(view.total)" + (view.queue == "drill" ? " · re-drill" : "")
        let right = "new \(view.newLeft) · review \(view.reviewLeft) · re-drill \(view.drillLeft) "
        let gap = width - DisplayWidth.of(left) - DisplayWidth.of(right)
        let line: StyledLine =
            gap >= 1
            ? [Span(left, .heading), Span(String(repeating: " ", count: gap)), Span(right, .muted)]
            : [Span(left, .heading)]
        return [line, [Span(String(repeating: "─", count: width), .muted)]]
    }

    static func bodyLines(_ view: ReviewView, width: Int) -> [StyledLine] {
        let inner = width - 2
        var lines = MarkdownRenderer.render(view.question, width: inner).map { [Span(" ")] + $0 }
        if lines.first.map({ $0.count > 1 }) == true, !view.isExercise {
            lines[0] = lines[0].map { Span($0.text, Style.strong.merged(over: $0.style)) }
        }
        if view.revealed {
            lines.append([])
            let label = " answer "
            let side = max((width - DisplayWidth.of(label)) / 2, 1)
            lines.append([
                Span(
                    String(repeating: "─", count: side) + label
                        + String(repeating: "─", count: max(width - side - DisplayWidth.of(label), 0)), .muted)
            ])
            lines += MarkdownRenderer.render(view.answer, width: inner).map { [Span(" ")] + $0 }
        }
        return lines
    }

    static func footerLines(_ view: ReviewView, width: Int, statusLines: Int = 2) -> [StyledLine] {
        var lines: [StyledLine] = []
        if let status = view.status {
            lines += Wrapper.wrap([Span(status, .accent)], width: width, prefix: [Span(" ")], continuation: [Span(" ")])
                .prefix(statusLines)
        }
        lines.append([Span(String(repeating: "─", count: width), .muted)])
        if view.revealed {
            let legend: StyledLine = [
                Span("0", .keyword), Span(" blackout  "), Span("1", .keyword), Span(" wrong  "), Span("2", .keyword),
                Span(" wrong, easy  "), Span("3", .keyword), Span(" hard  "), Span("4", .keyword), Span(" hesitant  "),
                Span("5", .keyword), Span(" perfect"),
            ]
            lines += Wrapper.wrap(legend, width: width, prefix: [Span(" ")], continuation: [Span(" ")])
            let keys = (view.mediaKey.map { $0 + " · " } ?? "") + "u undo · e edit · ? help · q quit"
            lines += Wrapper.wrap([Span(keys, .muted)], width: width, prefix: [Span(" ")], continuation: [Span(" ")])
        } else {
            let keys =
                (view.extraKeys + (view.mediaKey.map { [$0] } ?? [])).map { $0 + " · " }.joined()
                + "Space / Enter reveal · e edit · u undo · ? help · q quit"
            lines += Wrapper.wrap([Span(keys, .muted)], width: width, prefix: [Span(" ")], continuation: [Span(" ")])
        }
        return lines
    }

    static func helpLines(width: Int) -> [StyledLine] {
        var lines: [StyledLine] = [[Span(" Keys", .heading)], []]
        for (keys, meaning) in keysHelp {
            let label = " " + keys
            lines += Wrapper.wrap(
                [Span(meaning)], width: width,
                prefix: [
                    Span(label, .keyword), Span(String(repeating: " ", count: max(28 - DisplayWidth.of(label), 1))),
                ],
                continuation: [Span(String(repeating: " ", count: 28))])
        }
        lines += [[], [Span(" Press any key to go back.", .muted)]]
        return lines
    }
}
