/// Limits on what an Anki package may hold (docs/LIMITS.md). Generous for real collections (tens of
/// thousands of notes, years of reviews, thousands of media files), yet they bound the memory and
/// disk an import takes. A package over any of them is refused whole, before anything is written.
public struct AnkiLimits: Sendable, Equatable {
    /// Uncompressed bytes of the collection, checked in the zip's directory and again while it is
    /// extracted (the directory may understate it) and, for `collection.anki21b`, while it is
    /// decompressed with zstd (a zstd bomb stops here).
    public var collectionBytes: UInt64 = 512 * 1_048_576
    /// Bytes of the media map (`media`) after decompression: about 300 bytes an entry at most.
    public var mediaMapBytes: UInt64 = 64 * 1_048_576
    /// Bytes of one media file a note refers to, and of all of them together (only those are
    /// extracted). A media file is at most 16 times the 1 MiB a deck's Markdown file may hold.
    public var mediaFileBytes: UInt64 = 16 * 1_048_576
    public var mediaBytes: UInt64 = 1_024 * 1_048_576
    /// Entries in the zip (the collection, `media`, and one per media file).
    public var entries = 200_000
    public var notes = 1_000_000
    public var cards = 2_000_000
    /// Rows of the review log.
    public var reviews = 5_000_000
    /// Bytes of one note's fields together: a note becomes one card of a Markdown deck file, which
    /// holds at most 1 MiB (DECK-FORMAT.md).
    public var noteBytes = 512 * 1_024

    public init() {}

    /// The limits `recall import` uses.
    public static let standard = AnkiLimits()
}
