import AnkiPackage
import Foundation

/// The media files an export's cards refer to: each relative image source or link to an audio
/// file in a card's HTML, resolved from the card's file inside its deck folder, goes into the
/// package under a flat name (Anki's media folder has no subfolders), and the HTML is rewritten to
/// that name (`[sound:name]` for audio, Anki's player). What lies outside the deck folder, is not a
/// regular file, or is over the limits stays a plain reference and is not exported.
struct AnkiExportMedia {
    static let audioExtensions: Set<String> = ["mp3", "ogg", "oga", "opus", "wav", "m4a", "flac", "aac", "webm"]

    var limits: AnkiLimits
    /// Name in the package → file, in the order they were first referred to.
    private(set) var files: [(name: String, url: URL)] = []
    private var nameOfPath: [String: String] = [:]
    private var bytes: UInt64 = 0
    /// The references the last `rewrite` resolved: link target as written → name in the package.
    private(set) var resolved: [String: String] = [:]

    init(limits: AnkiLimits = .standard) {
        self.limits = limits
    }

    /// `html` with its references to files of the deck at `root` rewritten to package names.
    mutating func rewrite(_ html: String, sourceFile: String, root: String) -> String {
        let base = URL(fileURLWithPath: sourceFile).deletingLastPathComponent()
        resolved = [:]
        var result = AnkiMedia.rewrite(html) { reference in
            resolve(reference, base: base, root: root).map { $0 }
        }
        // Links to audio files become Anki's `[sound:…]`.
        var output = ""
        var rest = result[...]
        while let open = rest.range(of: "<a href=\""), let quote = rest[open.upperBound...].firstIndex(of: "\""),
            let close = rest[quote...].range(of: "</a>")
        {
            output += rest[..<open.lowerBound]
            let target = String(rest[open.upperBound..<quote])
            let ext = (target as NSString).pathExtension.lowercased()
            if Self.audioExtensions.contains(ext),
                let name = resolve(Self.unescape(target), base: base, root: root)
            {
                output += "[sound:\(name)]"
            } else {
                output += rest[open.lowerBound..<close.upperBound]
            }
            rest = rest[close.upperBound...]
        }
        result = output + rest
        return result
    }

    /// The package name for a reference to a file inside `root`, adding the file when new.
    private mutating func resolve(_ reference: String, base: URL, root: String) -> String? {
        guard !reference.isEmpty, !reference.hasPrefix("/"), !reference.contains(":"), !reference.hasPrefix("#"),
            let decoded = reference.removingPercentEncoding
        else { return nil }
        let file = base.appendingPathComponent(decoded).standardizedFileURL.resolvingSymlinksInPath()
        let rootPath = URL(fileURLWithPath: root).standardizedFileURL.resolvingSymlinksInPath().path
        guard file.path.hasPrefix(rootPath + "/") else { return nil }
        if let known = nameOfPath[file.path] {
            resolved[reference] = known
            return known
        }
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file.path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let size = (attributes[.size] as? NSNumber)?.uint64Value,
            size <= limits.mediaFileBytes, bytes + size <= limits.mediaBytes
        else { return nil }
        var name = file.lastPathComponent
        guard AnkiMedia.isSafeName(name) else { return nil }
        if files.contains(where: { $0.name == name }) {
            let ext = file.pathExtension
            let stem = file.deletingPathExtension().lastPathComponent
            name = stem + "-" + AnkiMapping.shortHash(file.path) + (ext.isEmpty ? "" : "." + ext)
        }
        bytes += size
        nameOfPath[file.path] = name
        resolved[reference] = name
        files.append((name, file))
        return name
    }

    private static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
    }
}
