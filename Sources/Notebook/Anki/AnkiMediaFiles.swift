import AnkiPackage
import Crypto
import Foundation

/// The media files an import extracted, and the name each gets in a deck's `media/` folder: its
/// own, except when two names would be one file on a case-insensitive file system with different
/// content (the later one gets its content's hash), or when the deck scanner would read the file
/// as part of the deck (`*.md`, `deck.yaml`, `exercise.yaml`: `.media` is appended).
struct AnkiMediaFiles {
    struct File {
        var name: String
        var url: URL
    }

    private var files: [String: File] = [:]

    init(_ extracted: [String: URL]) {
        var taken: [String: URL] = [:]
        for (name, url) in extracted.sorted(by: { $0.key < $1.key }) {
            var stored = name
            let lower = name.lowercased()
            if lower.hasSuffix(".md") || lower == "deck.yaml" || lower == "exercise.yaml" { stored += ".media" }
            if let other = taken[stored.lowercased()], !Self.sameContent(other, url) {
                let ext = (stored as NSString).pathExtension
                let stem = ext.isEmpty ? stored : String(stored.dropLast(ext.count + 1))
                stored = stem + "-" + Self.hash(url) + (ext.isEmpty ? "" : "." + ext)
            }
            taken[stored.lowercased()] = url
            files[name] = File(name: stored, url: url)
        }
    }

    /// The file for a name a note refers to, when the package held it.
    func file(_ name: String) -> File? { files[name] }

    private static func sameContent(_ a: URL, _ b: URL) -> Bool {
        (try? Data(contentsOf: a)) == (try? Data(contentsOf: b))
    }

    /// The first 12 hex digits of the file's SHA-256.
    private static func hash(_ url: URL) -> String {
        let digest = SHA256.hash(data: (try? Data(contentsOf: url)) ?? Data())
        return digest.prefix(6).map { String(format: "%02x", $0) }.joined()
    }
}
