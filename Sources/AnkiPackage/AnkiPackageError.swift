import RecallCore

/// What can go wrong reading or writing an Anki package, said so that the user knows what to do.
public enum AnkiPackageError: UserFacingError, Equatable {
    case notAZip(path: String)
    case notAnAnkiPackage(path: String, entries: [String])
    case zstdCollection(path: String)
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
                "\(path) is a zip archive but not an Anki package: it holds \(listed), and no collection.anki2 or collection.anki21; export an \"Anki Deck Package\" (.apkg) from Anki"
        case .zstdCollection(let path):
            return
                "\(path) holds its collection in Anki's newer compressed format (collection.anki21b), which Recall cannot read; export it again from Anki with \"Support older Anki versions\" ticked"
        case .collectionTooLarge(let path, let entry, let bytes, let limit):
            return
                "\(path): \(entry) is \(bytes / 1_048_576) MiB, more than the \(limit / 1_048_576) MiB Recall accepts for a collection; export fewer decks (or without scheduling) from Anki"
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
