import GRDB

/// A subscribed deck repository as stored (table `deck_source`; Notebook's `DeckSource`).
public struct SourceRecord: Sendable, Equatable, Codable {
    public var name: String
    public var url: String
    /// The folder inside the repository holding the decks ("" for the whole repository).
    public var path: String
    public var branch: String
    /// The commit whose deck files were imported; nil before the first import.
    public var imported: String?
    /// Files (relative to the clone) that had errors at the last import.
    public var pendingFiles: [String]

    public init(
        name: String, url: String, path: String, branch: String, imported: String? = nil, pendingFiles: [String] = []
    ) {
        self.name = name
        self.url = url
        self.path = path
        self.branch = branch
        self.imported = imported
        self.pendingFiles = pendingFiles
    }
}

/// The progress remote as stored (table `progress_remote`).
public struct ProgressRemoteRecord: Sendable, Equatable, Codable {
    public var url: String
    public var branch: String
    /// The commit whose event files were imported; nil before the first import.
    public var imported: String?

    public init(url: String, branch: String, imported: String? = nil) {
        self.url = url
        self.branch = branch
        self.imported = imported
    }
}

/// One checked exercise solution (table `exercise_attempt`).
public struct ExerciseAttempt: Sendable, Equatable, Codable {
    /// The card key, `deck/id`.
    public var card: String
    /// The study day, `YYYY-MM-DD`.
    public var day: String
    /// When it was checked, ISO 8601.
    public var time: String
    public var language: String
    public var verdict: String
    public var passed: Int
    public var total: Int

    public init(card: String, day: String, time: String, language: String, verdict: String, passed: Int, total: Int) {
        self.card = card
        self.day = day
        self.time = time
        self.language = language
        self.verdict = verdict
        self.passed = passed
        self.total = total
    }
}

extension ExerciseAttempt {
    init(row: Row) throws {
        self.init(
            card: try row.decode(forColumn: "card"), day: try row.decode(forColumn: "day"),
            time: try row.decode(forColumn: "time"), language: try row.decode(forColumn: "language"),
            verdict: try row.decode(forColumn: "verdict"), passed: try row.decode(forColumn: "passed"),
            total: try row.decode(forColumn: "total"))
    }

    func insert(_ db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO exercise_attempt(card, day, time, language, verdict, passed, total)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [card, day, time, language, verdict, passed, total])
    }
}
