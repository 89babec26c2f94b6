import RecallCore

/// What can go wrong reading or writing an Anki package, said so that the user knows what to do.
public enum AnkiPackageError: UserFacingError, Equatable {
    case notAZip(path: String)
    case notAnAnkiPackage(path: String, entries: [String])
    /// `meta` names a package version newer than the ones Recall knows.
    case tooNew(path: String, version: UInt64)
    /// A media file's name could leave the media folder (`../x`, `/etc/x`, `a/b`).
    case unsafeMediaName(path: String, name: String)
    case collectionTooLarge(path: String, entry: String, bytes: UInt64, limit: UInt64)
    /// Over one of AnkiLimits: `what` the package holds, against `limit`.
    case overLimit(path: String, what: String, limit: String)
    case badCollection(path: String, reason: String)
    case cannotWrite(path: String, reason: String)

    public var description: String {
        switch self {
        case .notAZip(let path):
            return
                "\(path) is not a readable zip archive (truncated, damaged, or another kind of file); export the package again from Anki (File > Export, \"Anki Deck Package\")"
        case .notAnAnkiPackage(let path, let entries):
            let listed = entries.isEmpty ? "nothing" : entries.prefix(8).joined(separator: ", ")
            return
                "\(path) is a zip archive but not an Anki package: it holds \(listed), and no collection.anki2, collection.anki21 or collection.anki21b; export an \"Anki Deck Package\" (.apkg) from Anki"
        case .tooNew(let path, let version):
            return
                "\(path) is an Anki package of version \(version), newer than the ones Recall reads (1 to 3); export it again from Anki with \"Support older Anki versions\" ticked"
        case .unsafeMediaName(let path, let name):
            return
                "\(path) names a media file \(name.debugDescription), which is not a plain file name (a path separator, '..', or a control character); the package is damaged or hostile, nothing was imported"
        case .collectionTooLarge(let path, let entry, let bytes, let limit):
            // Past the limit while streamed (a zip or zstd bomb), only "more than" is known.
            let size = bytes / 1_048_576 > limit / 1_048_576 ? "is \(bytes / 1_048_576) MiB," : "expands to"
            return
                "\(path): \(entry) \(size) more than the \(limit / 1_048_576) MiB Recall accepts for a collection; export fewer decks (or without scheduling) from Anki"
        case .overLimit(let path, let what, let limit):
            return
                "\(path) holds \(what), more than the \(limit) Recall accepts from one package (docs/LIMITS.md); export fewer decks from Anki, or split the collection"
        case .badCollection(let path, let reason):
            return "\(path) is not a usable Anki package: \(reason); export it again from Anki"
        case .cannotWrite(let path, let reason):
            return "cannot write the Anki package \(path): \(reason)"
        }
    }
}
