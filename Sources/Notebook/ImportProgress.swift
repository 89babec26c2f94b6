import Foundation

/// How far an import of Markdown decks has got: files and cards read so far, then the save.
public struct ImportProgress: Sendable, Equatable {
    public var files = 0
    public var cards = 0
    /// Reading is done and the cards are being written to the notebook.
    public var saving = false

    /// Counts what the scanner's worker threads report and passes each new total on.
    final class Tally: @unchecked Sendable {
        // @unchecked: `current` is only touched under `lock`.
        private let lock = NSLock()
        private var current = ImportProgress()
        private let report: @Sendable (ImportProgress) -> Void

        init(_ report: @escaping @Sendable (ImportProgress) -> Void) {
            self.report = report
        }

        func read(cards: Int) {
            lock.lock()
            current.files += 1
            current.cards += cards
            let now = current
            lock.unlock()
            report(now)
        }

        func saving() {
            lock.lock()
            current.saving = true
            let now = current
            lock.unlock()
            report(now)
        }
    }
}
