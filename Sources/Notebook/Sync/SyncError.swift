import RecallCore

/// What can go wrong with deck sources, progress sync and conflicts, said so the user can act.
public enum SyncError: UserFacingError, Equatable {
    case badSourceName(String)
    case sourceExists(String)
    case unknownSource(String)
    case badSourcePath(String)
    case noDecksInSource(name: String, path: String)
    case sourceFolderMissing(name: String, path: String)
    case syncRunning(lockFile: String)
    case noProgressRemote
    case noConflict(String)
    case severalConflictCopies(card: String, copies: [String])
    case conflictOutsideSources(card: String, file: String)

    public var description: String {
        switch self {
        case .badSourceName(let name):
            return
                "'\(name)' is not a valid source name; use lowercase letters, digits and '-' (pass --name, e.g. --name team-decks)"
        case .sourceExists(let name):
            return
                "a source named '\(name)' already exists; pick another --name or `recall source remove \(name)` first"
        case .unknownSource(let name):
            return "no source named '\(name)'; `recall source list` shows them"
        case .badSourcePath(let path):
            return "--path '\(path)' must be a relative folder inside the repository (no '..')"
        case .noDecksInSource(let name, let path):
            return "source '\(name)' has no folder '\(path)'; check --path (e.g. --path Decks)"
        case .sourceFolderMissing(let name, let path):
            return "the clone of source '\(name)' is missing (\(path)); `recall source remove \(name)` and add it again"
        case .syncRunning(let lockFile):
            return "another recall sync is running on this notebook (\(lockFile)); wait for it to finish"
        case .noProgressRemote:
            return "no progress remote is set; run `recall progress remote URL` first"
        case .noConflict(let card):
            return "card '\(card)' has no conflict to resolve; `recall conflicts` lists them"
        case .severalConflictCopies(let card, let copies):
            return
                "card '\(card)' has several conflict copies (\(copies.joined(separator: ", "))); resolve one by naming it, e.g. `recall conflicts resolve \(copies[0]) --theirs`"
        case .conflictOutsideSources(let card, let file):
            return "the conflict on '\(card)' is in \(file), which belongs to no source; edit the file by hand"
        }
    }
}
