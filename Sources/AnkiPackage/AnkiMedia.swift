import Foundation

/// One media file of a package: its name in Anki's media folder and the zip entry holding it.
public struct AnkiMediaEntry: Sendable, Equatable {
    public var name: String
    public var zipEntry: String
}

/// Which generation of package a zip is (`meta`'s `PackageMetadata.version`): the legacy ones hold
/// schema 11 and plain files, the latest one zstd-compressed schema 18, media map and media.
enum AnkiPackageVersion: UInt64 {
    case legacy1 = 1, legacy2 = 2, latest = 3

    var collectionEntry: String {
        switch self {
        case .legacy1: "collection.anki2"
        case .legacy2: "collection.anki21"
        case .latest: "collection.anki21b"
        }
    }

    var compressed: Bool { self == .latest }
}

/// The media map (`media`), a media file's name, and references to media in a note's fields.
public enum AnkiMedia {
    /// A name Anki could have written into its media folder: one plain file name. Anything that
    /// could leave the folder (a separator, `..`, an absolute path) or break a Markdown link is not.
    public static func isSafeName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 255 && name != "." && name != ".."
            && !name.unicodeScalars.contains {
                $0.value < 0x20 || $0.value == 0x7f || "/\\<>".unicodeScalars.contains($0)
            }
    }

    /// Reads the media map: JSON `{"0": "name"}` in the legacy generations, the protobuf
    /// `MediaEntries { repeated MediaEntry entries = 1 }` in the latest one (MediaEntry: name = 1,
    /// size = 2, sha1 = 3, legacy_zip_filename = 255), where entry i is the zip entry "i".
    static func entries(_ data: Data, version: AnkiPackageVersion, maxEntries: Int) throws -> [AnkiMediaEntry] {
        var result: [AnkiMediaEntry] = []
        if version.compressed {
            let message = try ProtobufFields(data, maxFields: maxEntries)
            for (index, bytes) in try message.all(1).enumerated() {
                let entry = try ProtobufFields(bytes, maxFields: 16)
                guard let name = try entry.string(1) else {
                    throw ProtobufFields.Malformed(reason: "media entry \(index) has no name")
                }
                let zipName =
                    try entry.fields.contains { $0.number == 255 } ? String(try entry.varint(255)) : String(index)
                result.append(AnkiMediaEntry(name: name, zipEntry: zipName))
            }
        } else {
            guard let object = try? JSONSerialization.jsonObject(with: data.isEmpty ? Data("{}".utf8) : data),
                let map = object as? [String: Any]
            else { throw ProtobufFields.Malformed(reason: "the media map is not a JSON object") }
            guard map.count <= maxEntries else {
                throw ProtobufFields.Malformed(reason: "more than \(maxEntries) entries")
            }
            for (zipName, value) in map {
                guard let name = value as? String else {
                    throw ProtobufFields.Malformed(reason: "media entry \(zipName) has no name")
                }
                result.append(AnkiMediaEntry(name: name, zipEntry: zipName))
            }
            result.sort {
                $0.zipEntry.count != $1.zipEntry.count
                    ? $0.zipEntry.count < $1.zipEntry.count : $0.zipEntry < $1.zipEntry
            }
        }
        return result
    }

    /// The media file names a field refers to: `src` attributes (images) and `[sound:…]` (audio).
    public static func references(in html: String) -> [String] {
        var names: [String] = []
        scan(html) {
            names.append($0); return nil
        }
        return names
    }

    /// The field with each reference to a name `rename` knows rewritten: an image's `src` becomes
    /// the returned path, `[sound:name]` a link to it. `rename` gets the file name; it returns the
    /// URL-escaped path to write, or nil to leave the reference alone.
    public static func rewrite(_ html: String, _ rename: (String) -> String?) -> String {
        scan(html, rename)
    }

    /// Walks the `src="…"` values and `[sound:…]` markers of `html`, giving each name (entities
    /// decoded) to `visit`; where it returns a path, the reference is replaced.
    @discardableResult
    private static func scan(_ html: String, _ visit: (String) -> String?) -> String {
        var output = ""
        var rest = html[...]
        while let next = firstReference(in: rest) {
            output += rest[..<next.range.lowerBound]
            let name = decodeEntities(String(rest[next.value]))
            if let path = visit(name) {
                if next.sound {
                    output += "<a href=\"\(escape(path))\">\(escape(name))</a>"
                } else {
                    output +=
                        rest[next.range.lowerBound..<next.value.lowerBound] + escape(path)
                        + rest[next.value.upperBound..<next.range.upperBound]
                }
            } else {
                output += rest[next.range]
            }
            rest = rest[next.range.upperBound...]
        }
        return output + rest
    }

    /// The next reference: the whole match, the name's range inside it, and whether it is audio.
    private static func firstReference(in text: Substring) -> (
        range: Range<Substring.Index>, value: Range<Substring.Index>, sound: Bool
    )? {
        var best: (range: Range<Substring.Index>, value: Range<Substring.Index>, sound: Bool)?
        if let open = text.range(of: "[sound:"), let close = text[open.upperBound...].firstIndex(of: "]") {
            best = (open.lowerBound..<text.index(after: close), open.upperBound..<close, true)
        }
        var search = text.startIndex
        while let src = text[search...].range(of: "src=", options: .caseInsensitive) {
            if let found = best, src.lowerBound > found.range.lowerBound { break }
            search = src.upperBound
            // Only an attribute: the character before must end a tag name or another attribute.
            guard src.lowerBound > text.startIndex, text[text.index(before: src.lowerBound)].isWhitespace,
                src.upperBound < text.endIndex
            else { continue }
            let quote = text[src.upperBound]
            if quote == "\"" || quote == "'" {
                let start = text.index(after: src.upperBound)
                guard let end = text[start...].firstIndex(of: quote) else { continue }
                return (src.lowerBound..<text.index(after: end), start..<end, false)
            }
            let end = text[src.upperBound...].firstIndex { $0.isWhitespace || $0 == ">" } ?? text.endIndex
            guard end > src.upperBound else { continue }
            return (src.lowerBound..<end, src.upperBound..<end, false)
        }
        return best
    }

    private static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }

    /// A file name as a relative URL path: what is not unreserved is %-escaped, so the Markdown
    /// link holds no space, parenthesis or bracket and reads back whatever the converter does.
    public static func urlPath(_ name: String) -> String {
        var allowed = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(0x7f)))
        allowed.insert(charactersIn: "-._~")
        return name.addingPercentEncoding(withAllowedCharacters: allowed) ?? name
    }
}
