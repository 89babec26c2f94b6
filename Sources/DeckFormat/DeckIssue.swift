import RecallCore

/// A problem found in a deck file, reported as `file:line: message`.
public struct DeckIssue: UserFacingError, Hashable, Sendable {
    /// Path as the user gave it (relative to the import root where possible).
    public var file: String
    /// 1-based; 0 when the problem concerns the whole file.
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    public var description: String { line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)" }
}
