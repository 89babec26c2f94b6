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
    /// A write to a notebook whose file or folder is not writable.
    case readOnly(path: String)
    /// A read-only notebook that needs a schema upgrade (a write) before this Recall can read it.
    case readOnlyNeedsUpgrade(path: String, steps: [String])
    /// A value of an older notebook that the upgrade could not carry into its table.
    case unreadableState(path: String, place: String, message: String)

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
        case .readOnly(let path):
            return
                "the notebook \(path) is read-only (no write permission on the file or its folder); this command writes to it: make both writable, or copy the folder and pass --home"
        case .readOnlyNeedsUpgrade(let path, let steps):
            return
                "the notebook \(path) is read-only and was written by an older Recall (schema steps \(steps.joined(separator: ", ")) to apply); make the file and its folder writable once so that it can be upgraded"
        case .unreadableState(let path, let place, let message):
            return
                "cannot upgrade \(path): \(place) cannot be read (\(message)); the notebook was not changed — correct or remove that value (an older Recall or sqlite3 can), then try again"
        }
    }
}
