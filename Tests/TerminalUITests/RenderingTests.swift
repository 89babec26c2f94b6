import Testing

@testable import TerminalUI

@Suite("Display width and wrapping")
struct WrappingTests {
    static let mixed = """
        # 旋转位置编码 (RoPE)

        RoPE 把位置 m 的 query 和 key 按角度 mθ 旋转，使得 q·k 只依赖相对位置 m − n；这就是为什么它能外推到更长的上下文（配合插值）。Supercalifragilisticexpialidocious-identifiers_are_cut_when_needed.

        - 第一点：`softmax(QKᵀ/√d_k)·V` 是缩放点积注意力 (scaled dot-product attention)
          - 嵌套：LayerNorm vs RMSNorm
        > 引用：不要把 LoRA 的 A 说成稀疏矩阵。

        | 方法 | 可训练参数 | 说明 |
        |---|---|---|
        | LoRA | 低秩矩阵 A、B | 冻结 W₀，推理时可合并 |
        | Prefix Tuning | 每层的前缀 key/value | 深层提示 |

        ```python
        def softmax(x):  # 数值稳定：先减去最大值
            m = max(x)
            return [math.exp(v - m) / sum(math.exp(u - m) for u in x) for v in x]
        ```
        """

    @Test("wide characters count two columns; escapes and combining marks none")
    func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("注意力") == 6)
        #expect(DisplayWidth.of("ｗｉｄｅ") == 8)
        #expect(DisplayWidth.of("\u{1B}[1;36m注意\u{1B}[0m") == 4)
        #expect(DisplayWidth.of("e\u{301}") == 1)
        #expect(DisplayWidth.of("😀") == 2)
    }

    @Test("rendered Chinese/English/code lines never exceed the width", arguments: [20, 33, 41, 60, 80, 120])
    func neverWider(width: Int) {
        let lines = MarkdownRenderer.render(Self.mixed, width: width)
        #expect(!lines.isEmpty)
        for line in lines {
            #expect(line.width <= width, "\(line.width) > \(width): \(line.plainText)")
            // Colour on: the escape sequences add no width and are never cut apart.
            let rendered = ColorMode(enabled: true).render(line)
            #expect(DisplayWidth.of(rendered) == line.width)
        }
    }

    @Test("escape sequences stay whole after wrapping")
    func escapesWhole() {
        let rendered = MarkdownRenderer.render(Self.mixed, width: 17).map(ColorMode(enabled: true).render)
        for line in rendered {
            var index = line.startIndex
            while let escape = line[index...].firstIndex(of: "\u{1B}") {
                let rest = line[escape...]
                #expect(rest.hasPrefix("\u{1B}["), "cut escape in \(line.debugDescription)")
                #expect(rest.firstIndex(of: "m") != nil, "unterminated escape in \(line.debugDescription)")
                index = line.index(after: escape)
            }
        }
    }

    @Test("Chinese breaks between characters, not before closing punctuation or after opening")
    func cjkBreaking() {
        let lines = Wrapper.wrap([Span("注意力机制（attention）的核心，是加权求和。")], width: 10)
        for line in lines {
            #expect(line.width <= 10)
            #expect(!line.plainText.hasPrefix("，") && !line.plainText.hasPrefix("。") && !line.plainText.hasPrefix("）"))
            #expect(!line.plainText.hasSuffix("（"))
        }
        #expect(lines.map(\.plainText).joined() == "注意力机制（attention）的核心，是加权求和。")
    }

    @Test("English wraps at spaces and cuts only words longer than a line")
    func englishWrapping() {
        let lines = Wrapper.wrap([Span("the quick brown fox jumps over the lazy dog")], width: 10).map(\.plainText)
        #expect(lines == ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
        let cut = Wrapper.wrap([Span("abcdefghijklmnop")], width: 6).map(\.plainText)
        #expect(cut == ["abcdef", "ghijkl", "mnop"])
    }

    @Test("NO_COLOR and non-terminals get no escape sequences")
    func noColor() {
        #expect(!ColorMode.detect(environment: ["NO_COLOR": "1"], isTerminal: true).enabled)
        #expect(!ColorMode.detect(environment: [:], isTerminal: false).enabled)
        #expect(ColorMode.detect(environment: ["TERM": "xterm-256color"], isTerminal: true).enabled)
        let plain = ColorMode(enabled: false).render(MarkdownRenderer.render(Self.mixed, width: 40).flatMap { $0 })
        #expect(!plain.contains("\u{1B}"))
    }

    @Test("tables align by display width; code is coloured by language")
    func tablesAndCode() {
        let lines = MarkdownRenderer.render("| 名字 | n |\n|---|---|\n| LoRA | 8 |\n| 前缀调优 | 16 |", width: 40).map(
            \.plainText)
        let bars = lines.filter { $0.contains("│") }.map { line in
            DisplayWidth.of(String(line[..<line.firstIndex(of: "│")!]))
        }
        #expect(Set(bars).count == 1, "\(lines)")
        let code = SyntaxHighlighter.highlight("def f(x): return 42  # answer", language: "python")
        #expect(code.contains { $0.text == "def" && $0.style == .keyword })
        #expect(code.contains { $0.text == "42" && $0.style == .number })
        #expect(code.contains { $0.text.hasPrefix("# answer") && $0.style == .comment })
    }

    @Test(
        "the review screen fills exactly the terminal and scrolls long answers",
        arguments: [(30, 10), (80, 24), (52, 17)])
    func screenFits(width: Int, height: Int) {
        var view = ReviewView(
            deck: "llm-interview", card: "rope", position: 3, total: 25, newLeft: 10, reviewLeft: 5, drillLeft: 1,
            queue: "review", question: "旋转位置编码 (RoPE) 编码的是什么？", answer: Self.mixed, revealed: true)
        let frame = ReviewScreen.layout(view, width: width, height: height)
        #expect(frame.lines.count == height)
        #expect(frame.lines.allSatisfy { $0.width <= width })
        #expect(frame.maxScroll > 0)
        view.scroll = frame.maxScroll
        let bottom = ReviewScreen.layout(view, width: width, height: height)
        #expect(bottom.lines.map(\.plainText).joined().contains("sum(math.exp") || height < 12)
    }

    @Test(
        "below 30×10 the review screen is one message that fits, at and above it the card",
        arguments: [
            (12, 5, true), (29, 10, true), (30, 9, true), (1, 1, true), (30, 10, false),
        ])
    func tooSmall(width: Int, height: Int, small: Bool) {
        let view = ReviewView(
            deck: "d", card: "c", position: 1, total: 3, newLeft: 3, reviewLeft: 0, drillLeft: 0, queue: "new",
            question: "QUESTION-TEXT", answer: "answer", status: "a status line")
        let frame = ReviewScreen.layout(view, width: width, height: height)
        let text = frame.lines.map(\.plainText).joined(separator: " ")
        #expect(frame.tooSmall == small)
        #expect(frame.lines.count == height)
        #expect(frame.lines.allSatisfy { $0.width <= width }, "\(text)")
        #expect(text.contains("Too small") == small || width < 9, "\(text)")
        #expect(text.contains("QUESTION-TEXT") != small, "\(text)")
    }
}
