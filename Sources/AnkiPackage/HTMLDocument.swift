import CLibXML2

/// One piece of an HTML fragment, in document order.
enum HTMLToken: Equatable {
    case text(String)
    /// An opening tag: lowercased name and attributes (entities decoded).
    case open(String, [String: String])
    case close(String)
}

/// An Anki field's HTML read by libxml2's HTML parser, as a browser reads it (unclosed tags,
/// entities, stray `<`), and flattened into tokens. Bounded: no network, no error output, at most
/// `maxBytes` of input (more is taken as text), and libxml2's own limit on nesting depth.
enum HTMLDocument {
    static let maxBytes = AnkiLimits.standard.noteBytes

    static func tokens(_ html: String) -> [HTMLToken] {
        guard !html.isEmpty else { return [] }
        guard html.utf8.count <= maxBytes else { return [.text(html)] }
        // In a <div> of its own: libxml2 puts loose text at the top level in an implied <p>, which
        // would make a paragraph of every line.
        let wrapped = Array("<div>\(html)</div>".utf8)
        let options = Int32(
            HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                | HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_IGNORE_ENC.rawValue)
        let document = wrapped.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
                }
            }
        }
        guard let document else { return [.text(html)] }
        defer { xmlFreeDoc(document) }
        var tokens: [HTMLToken] = []
        // Iterative, so no field can exhaust the stack: a node, then its children, then its close.
        var stack: [(node: xmlNodePtr, closing: Bool)] = []
        func push(siblingsFrom first: xmlNodePtr?) {
            var children: [xmlNodePtr] = []
            var child = first
            while let current = child {
                children.append(current)
                child = current.pointee.next
            }
            for child in children.reversed() { stack.append((child, false)) }
        }
        push(siblingsFrom: document.pointee.children)
        while let (node, closing) = stack.popLast() {
            let name = node.pointee.name.map { String(cString: $0).lowercased() } ?? ""
            if closing {
                tokens.append(.close(name))
                continue
            }
            switch node.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = node.pointee.content { tokens.append(.text(String(cString: content))) }
            case XML_ELEMENT_NODE:
                // Raw-text elements: their content is no part of the card.
                if name == "script" || name == "style" { continue }
                tokens.append(.open(name, attributes(of: node)))
                stack.append((node, true))
                push(siblingsFrom: node.pointee.children)
            default: break  // comments, processing instructions, the document type
            }
        }
        return tokens
    }

    private static func attributes(of node: xmlNodePtr) -> [String: String] {
        var result: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            defer { attribute = current.pointee.next }
            guard let name = current.pointee.name else { continue }
            var value = ""
            var child = current.pointee.children
            while let text = child {
                if let content = text.pointee.content { value += String(cString: content) }
                child = text.pointee.next
            }
            result[String(cString: name).lowercased()] = value
        }
        return result
    }
}
