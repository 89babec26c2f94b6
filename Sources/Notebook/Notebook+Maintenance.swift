import RecallCore
import Storage

/// What `recall doctor` finds: SQLite's integrity check and the cards whose stored state is not
/// the fold of their events. Its encoding is `doctor --json`'s document.
public struct NotebookHealth: Sendable, Encodable {
    /// "ok" when the file is sound, else SQLite's list of problems.
    public var integrity: String
    /// Cards (deck/id) whose state differs from the refold of their events.
    public var inconsistent: [String]
    /// How many cards a requested refold left with a state.
    public var refolded: Int?

    public var isHealthy: Bool { integrity == "ok" && inconsistent.isEmpty }
}

extension Notebook {
    /// The database file.
    public var databasePath: String { store.path }

    /// This notebook's device id, which its review events carry; made by the first write that
    /// needs one (opening writes nothing).
    public func deviceID() throws -> String { try store.deviceID() }

    /// Checks the file and every card's state against its events; `refold` then recomputes every
    /// state from the event log (the findings are those from before the refold).
    public func checkHealth(refold: Bool = false) throws -> NotebookHealth {
        var health = NotebookHealth(integrity: try store.integrityCheck(), inconsistent: try store.inconsistentCards())
        if refold { health.refolded = try self.refold() }
        return health
    }

    /// Recomputes every card's state from the event log; returns how many cards have a state.
    @discardableResult
    public func refold() throws -> Int { try store.refoldAll() }

    /// Appends many events in one transaction without refolding (a benchmark's generated history);
    /// `refold()` afterwards. Events already present are skipped; returns how many were added.
    public func appendEvents(_ events: [ReviewEvent]) throws -> Int { try store.appendEvents(events) }
}
