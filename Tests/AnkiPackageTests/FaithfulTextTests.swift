import AnkiPackage
import Testing

/// Issue 18: card text goes to Anki and back meaning what it meant (cmark-gfm renders Markdown,
/// libxml2 reads HTML).
@Suite("Faithful text between Markdown and Anki's HTML")
struct FaithfulTextTests {
    // Ink (the renderer before cmark-gfm) made italics of these, dropped backslashes and `<br>`,
    // and mis-nested lists.
    @Test(
        "Markdown → HTML renders as the review screen reads it",
        arguments: [
            ("d_model = 512，each head d_ff = 2048", "d_model = 512，each head d_ff = 2048"),
            ("a_b_c and x_1", "a_b_c and x_1"),
            ("C:\\Users\\me\\notes.txt", "C:\\Users\\me\\notes.txt"),
            ("line one<br>line two", "line one<br>line two"),
            (
                "- a\n  - b\n    - c\n- d",
                "<ul>\n<li>a\n<ul>\n<li>b\n<ul>\n<li>c</li>\n</ul>\n</li>\n</ul>\n</li>\n<li>d</li>\n</ul>"
            ),
            ("1. one\n   - inner\n2. two", "<ol>\n<li>one\n<ul>\n<li>inner</li>\n</ul>\n</li>\n<li>two</li>\n</ol>"),
            ("n<sup>2</sup> and H<sub>2</sub>O", "n<sup>2</sup> and H<sub>2</sub>O"),
            ("~~gone~~", "<del>gone</del>"),
            (
                "| a | b |\n| --- | --- |\n| 1 | 2 |",
                "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>"
            ),
        ])
    func markdownToHTML(markdown: String, html: String) {
        #expect(AnkiHTML.html(fromMarkdown: markdown) == html)
    }

    @Test(
        "formulas pass through Markdown → HTML untouched",
        arguments: [
            ("\\(\\frac{a_1}{b_2} * c\\)", "\\(\\frac{a_1}{b_2} * c\\)"),
            ("root \\(\\sqrt{2}\\) and \\[x_1 + x_2 \\\\ y\\]", "root \\(\\sqrt{2}\\) and \\[x_1 + x_2 \\\\ y\\]"),
            ("$a_i * b_i$ and $$\\sum_i x_i$$", "$a_i * b_i$ and $$\\sum_i x_i$$"),
            ("\\(a < b\\)", "\\(a &lt; b\\)"),
            ("costs $5 and $10, *cheap*", "costs $5 and $10, <em>cheap</em>"),
            ("`\\(x\\)` is code", "<code>\\(x\\)</code> is code"),
        ])
    func formulasToHTML(markdown: String, html: String) {
        #expect(AnkiHTML.html(fromMarkdown: markdown) == html)
    }

    @Test(
        "raw HTML from a card is shown as text in Anki, escaped HTML stays escaped",
        arguments: [
            ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
            ("x <img src=x onerror=alert(1)> y", "x &lt;img src=x onerror=alert(1)&gt; y"),
            ("&lt;script&gt;", "&lt;script&gt;"),
            ("<div onclick=\"f()\">\nhi\n</div>", "&lt;div onclick=&quot;f()&quot;&gt;\nhi\n&lt;/div&gt;"),
            ("a <br class=\"x\"> b", "a &lt;br class=&quot;x&quot;&gt; b"),
        ])
    func rawHTMLIsText(markdown: String, html: String) {
        #expect(AnkiHTML.html(fromMarkdown: markdown) == html)
    }

    // The HTML → Markdown half (issue 18, point 9): structure kept, and text that Markdown would
    // read as syntax escaped, so the rendered result is the field's content again.
    @Test(
        "Anki HTML → Markdown → HTML keeps the field's content",
        arguments: [
            ("2*3*4", "2\\*3\\*4", "2*3*4"),
            ("[x](not a link)", "\\[x](not a link)", "[x](not a link)"),
            ("cloze [...] stays", "cloze [...] stays", "cloze [...] stays"),
            ("What does {#id} do?", "What does {\\#id} do?", "What does {#id} do?"),
            ("tags: not really", "tags\\: not really", "tags: not really"),
            ("n<sup>2</sup>", "n<sup>2</sup>", "n<sup>2</sup>"),
            ("<code>n<sup>2</sup> <s>x</s></code>", "`n2 x`", "<code>n2 x</code>"),
            ("<code>a`b</code> and <code>`x</code>", "``a`b`` and `` `x ``", "<code>a`b</code> and <code>`x</code>"),
            ("<code>a<br>b</code>", "`a b`", "<code>a b</code>"),
            ("<s>gone</s> H<sub>2</sub>O", "~~gone~~ H<sub>2</sub>O", "<del>gone</del> H<sub>2</sub>O"),
            ("d_model and _x_", "d_model and \\_x\\_", "d_model and _x_"),
            ("- not a list", "\\- not a list", "- not a list"),
            ("1. not a list", "1\\. not a list", "1. not a list"),
            ("&gt; not a quote", "\\> not a quote", "&gt; not a quote"),
            ("a ~b~ c | d", "a \\~b\\~ c \\| d", "a ~b~ c | d"),
            ("&amp;lt;b&amp;gt; &amp;amp;", "&amp;lt;b&amp;gt; &amp;amp;", "&amp;lt;b&amp;gt; &amp;amp;"),
            ("C:\\Users\\x \\* y\\", "C:\\Users\\x \\\\\\* y\\\\", "C:\\Users\\x \\* y\\"),
            ("line one<br>line two", "line one\\\nline two", "line one<br />\nline two"),
            (
                "<ul><li>a<ul><li>b</li></ul></li><li>c</li></ul>", "- a\n  - b\n- c",
                "<ul>\n<li>a\n<ul>\n<li>b</li>\n</ul>\n</li>\n<li>c</li>\n</ul>"
            ),
            (
                "<table><tr><th>k</th><th>v</th></tr><tr><td>a|b</td><td>x<br>y</td></tr></table>",
                "| k | v |\n| --- | --- |\n| a\\|b | x<br>y |",
                "<table>\n<thead>\n<tr>\n<th>k</th>\n<th>v</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>a|b</td>\n<td>x<br>y</td>\n</tr>\n</tbody>\n</table>"
            ),
        ])
    func htmlToMarkdownAndBack(html: String, markdown: String, rendered: String) {
        let converted = AnkiHTML.markdown(fromHTML: html)
        #expect(converted == markdown)
        #expect(AnkiHTML.html(fromMarkdown: converted) == rendered)
    }

    @Test(
        "formulas pass through HTML → Markdown untouched",
        arguments: [
            "\\(\\frac{a_1}{b_2} * c\\)", "\\[x_1 + x_2 \\\\ y\\]", "$a_i * b_i$", "$$\\sum_i [x_i](y)$$",
            "see \\(\\sqrt{2}\\) and \\(x^*\\)",
        ])
    func formulasFromHTML(formula: String) {
        let markdown = AnkiHTML.markdown(fromHTML: formula)
        #expect(markdown == formula)
        #expect(AnkiHTML.html(fromMarkdown: markdown) == formula)
    }

    @Test("a formula's < comes back from Anki's &lt; as it was written")
    func formulaEntities() {
        #expect(AnkiHTML.markdown(fromHTML: "\\(a &lt; b\\)") == "\\(a < b\\)")
        #expect(AnkiHTML.html(fromMarkdown: "\\(a < b\\)") == "\\(a &lt; b\\)")
    }

    // Hostile fields: the parser is bounded (no network, no error output, libxml2's nesting
    // limit), so 20,000 nested lists cannot make a deck file of 20,000 lines indented 40,000 deep.
    @Test("nesting beyond libxml2's depth limit is cut there; a field over the size limit is text")
    func bounded() {
        let lists = AnkiHTML.markdown(fromHTML: String(repeating: "<ul><li>x", count: 20_000))
        #expect(lists.hasPrefix("- x\n  - x"))
        #expect(lists.utf8.count < 200_000)
        let big = "<b>" + String(repeating: "a", count: 600 * 1_024)
        #expect(AnkiHTML.markdown(fromHTML: big).hasPrefix("&lt;b>aaa"))
    }
}
