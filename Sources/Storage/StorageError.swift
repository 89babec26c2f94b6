import RecallCore

/// What can go wrong with the notebook database, said so that the user knows what to do.
public enum StorageError: UserFacingError, Equatable {
    case notADatabase(path: String)
    case newerSchema(path: String, unknown: [String])
    case busy(path: String)
    case unknownCard(String)
    case notDue(card: String, due: String, today: String)
    case nothingToUndo
    case removedCard(String)
    case database(path: String, message: String)

    public var description: String {
        switch self {
        case .notADatabase(let path):
            return "\(path) is not a Recall notebook (not an SQLite database); move it away or pass another --home"
        case .newerSchema(let path, let unknown):
            return
                "\(path) was written by a newer Recall (schema steps \(unknown.joined(separator: ", ")) unknown here); update Recall — the notebook was not modified"
        case .busy(let path):
            return "\(path) is locked by another Recall process; wait for it to finish and try again"
        case .unknownCard(let key):
            return "unknown card '\(key)'; `recall search` or `recall due` lists card ids"
        case .notDue(let card, let due, let today):
            return "card '\(card)' is not due until \(due) (today is \(today)); pass --early to review it anyway"
        case .nothingToUndo:
            return "nothing to undo: this device has no review left in the log"
        case .removedCard(let key):
            return "card '\(key)' was removed from its deck; restore it in the deck file to review it"
        case .database(let path, let message):
            return "database error in \(path): \(message)"
        }
    }
}
