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
    /// The remote's branch shares no commit with the clone's (a force-push of a new history).
    case unrelatedHistory(name: String, url: String, resubscribe: String)
    /// A source given as a local path (or file:// URL) that does not exist.
    case noLocalRepository(String)

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
        case .noLocalRepository(let path):
            return "no repository at \(path): that folder does not exist; check the path, or give the repository's URL"
        case .unrelatedHistory(let name, let url, let resubscribe):
            return
                "the branch of source '\(name)' at \(url) now holds a history unrelated to the one this notebook synced (it was replaced, e.g. by a force-push of a new root commit); nothing was merged, imported or pushed. If the new history is the one to follow, subscribe again: `recall source remove \(name)` then `\(resubscribe)` (review history is kept; local edits not yet pushed stay only in the old history, so copy them first)"
        }
    }
}
