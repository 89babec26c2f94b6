import Foundation
import Testing

@testable import TerminalUI

/// Cards rendered from cmark-gfm's parse (issue 17, point 2): code keeps every space, links keep
/// their targets, and what CommonMark says is a block is one.
@Suite("Markdown rendering (cmark-gfm)")
struct MarkdownRenderingTests {
    func text(_ markdown: String, width: Int = 80) -> [String] {
        MarkdownRenderer.render(markdown, width: width).map(\.plainText)
    }

    @Test("fenced code keeps its indentation and runs of spaces, line for line")
    func codeIndentation() {
        let lines = text(
            """
            ```python
            def f(x):
                if x:
                    return  x   # aligned
            ```
            """)
        #expect(lines == ["  def f(x):", "      if x:", "          return  x   # aligned"])
    }

    @Test("a code line wider than the screen is cut with a visible marker, never re-flowed")
    func longCodeLine() {
        let lines = text("```\nshort\nx = [" + String(repeating: "1, ", count: 40) + "]\n```", width: 30)
        #expect(lines.count == 2)
        #expect(lines[1].hasSuffix("…") && DisplayWidth.of(lines[1]) == 30, "\(lines)")
        #expect(lines[1].hasPrefix("  x = [1, 1, "))
    }

    @Test("the bundled scaled-dot-product-attention card keeps its alignment")
    func bundledCard() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Decks/llm-interview/01-transformer-attention.md").standardized
        let deck = try String(contentsOf: file, encoding: .utf8)
        let start = try #require(deck.range(of: "{#scaled-dot-product-attention}"))
        let card = String(deck[start.upperBound...].prefix { _ in true }).components(separatedBy: "\n## ")[0]
        let lines = text(card, width: 100)
        #expect(lines.contains("  scores = Q·Kᵀ / √d_k          # n × n"), "\(lines)")
        #expect(lines.contains("  A      = softmax(scores + mask) # 每行和为 1"), "\(lines)")
        #expect(lines.contains("  out    = A·V"), "\(lines)")
    }

    @Test("links show their target; an autolink or a bare URL shows once")
    func links() {
        #expect(
            text("See [the paper](https://arxiv.org/abs/1706.03762).") == [
                "See the paper (https://arxiv.org/abs/1706.03762)."
            ])
        #expect(text("<https://example.com>") == ["https://example.com"])
        #expect(text("![diagram](media/fig%201.png)") == ["[image: fig 1.png — diagram]"])
        #expect(text("![](fig.png)") == ["[image: fig.png]"])
        #expect(text("Say [it](media/say%20it.mp3) twice") == ["Say [audio: say it.mp3] twice"])
    }

    @Test("CommonMark's blocks: nested and ordered lists, quotes, rules, a heading, emphasis not inside words")
    func blocks() {
        let lines = text(
            """
            # Title

            3. three
            4. four
               - inner

            > quoted *text*

            ---
            d_model = 512, d_ff = 2048
            """, width: 40)
        #expect(lines[0] == "Title")
        #expect(lines.contains("3. three") && lines.contains("4. four") && lines.contains("   ◦ inner"), "\(lines)")
        #expect(lines.contains("│ quoted text"), "\(lines)")
        #expect(lines.contains(String(repeating: "─", count: 40)))
        // Underscores inside words are not emphasis (Ink made `_model = 512, d_` italic).
        #expect(lines.last == "d_model = 512, d_ff = 2048")
        let styled = MarkdownRenderer.render("d_model = 512, d_ff = 2048", width: 40).flatMap { $0 }
        #expect(styled.allSatisfy { !$0.style.italic })
    }

    @Test("a hard break and <br> start a new line; a soft break joins CJK without a space")
    func breaks() {
        #expect(text("one\\\ntwo") == ["one", "two"])
        #expect(text("one<br>two") == ["one", "two"])
        #expect(text("注意力\n机制 and\nmore") == ["注意力机制 and more"])
    }
}
