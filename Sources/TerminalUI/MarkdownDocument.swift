import CCmarkGFM

/// A Markdown text parsed by cmark-gfm (CommonMark with GitHub's tables, strikethrough and
/// autolinks), copied out of C into a value tree at once: the renderer walks Swift values, and no
/// C handle outlives `parse`.
public struct MarkdownNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case document, paragraph, blockQuote, thematicBreak, htmlBlock
        case heading(level: Int)
        case codeBlock(language: String)
        case list(ordered: Bool, start: Int, tight: Bool)
        case item
        case table, tableRow(header: Bool), tableCell
        case text, softBreak, lineBreak, code, htmlInline, emphasis, strong, strikethrough
        case link(url: String), image(url: String)
        /// A node kind Recall does not render specially: its children are rendered as they are.
        case other
    }

    public var kind: Kind
    /// The text of a leaf (text, code, a code block's lines, HTML).
    public var literal: String
    public var children: [MarkdownNode]

    /// Parses `markdown`. cmark-gfm accepts any text (it never fails on input).
    public static func parse(_ markdown: String) -> MarkdownNode {
        cmark_gfm_core_extensions_ensure_registered()
        // The parser owns the tree it builds until cmark_parser_free; the root is freed separately
        // with cmark_node_free (cmark's documented order), both before this function returns.
        guard let parser = cmark_parser_new(CMARK_OPT_DEFAULT) else {
            return MarkdownNode(kind: .document, literal: "", children: [])
        }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let extension_ = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, extension_)
            }
        }
        var bytes = Array(markdown.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parser_feed(parser, $0, buffer.count)
                }
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            return MarkdownNode(kind: .document, literal: "", children: [])
        }
        defer { cmark_node_free(root) }
        return copy(root)
    }

    private static func copy(_ node: OpaquePointer) -> MarkdownNode {
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(copy(current))
            child = cmark_node_next(current)
        }
        let literal = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        return MarkdownNode(kind: kind(of: node), literal: literal, children: children)
    }

    private static func kind(of node: OpaquePointer) -> Kind {
        let type = cmark_node_get_type(node)
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)))
        case CMARK_NODE_CODE_BLOCK:
            let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
            return .codeBlock(language: String(info.split(separator: " ").first ?? ""))
        case CMARK_NODE_LIST:
            return .list(
                ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                start: Int(cmark_node_get_list_start(node)), tight: cmark_node_get_list_tight(node) != 0)
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link(url: cmark_node_get_url(node).map { String(cString: $0) } ?? "")
        case CMARK_NODE_IMAGE: return .image(url: cmark_node_get_url(node).map { String(cString: $0) } ?? "")
        default:
            // The extensions' node types are registered at run time: they are known by name.
            switch cmark_node_get_type_string(node).map({ String(cString: $0) }) ?? "" {
            case "table": return .table
            case "table_row": return .tableRow(header: false)
            case "table_header": return .tableRow(header: true)
            case "table_cell": return .tableCell
            case "strikethrough": return .strikethrough
            default: return .other
            }
        }
    }
}
