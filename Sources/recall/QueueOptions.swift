import ArgumentParser
import Notebook
import RecallCore

/// What `recall due` and `recall review` go through: today's queue, narrowed or chosen.
struct QueueOptions: ParsableArguments {
    @Option(help: "Only this deck and its sub-decks.")
    var deck: String?

    @Option(help: "Only cards with this tag.")
    var tag: String?

    @Option(
        name: .customLong("card"),
        help: "Exactly this card (deck/id or a bare id), due or not; repeat for more, in the order to study.")
    var cards: [CardReference] = []

    @Flag(help: "Every chosen card whatever its due date; grades are logged as drills and change no schedule.")
    var cram = false

    @Option(parsing: .unconditional, help: "At most this many cards.")
    var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
        if !cards.isEmpty && (deck != nil || tag != nil) {
            throw ValidationError("--card names the cards itself; leave out --deck and --tag")
        }
    }

    var study: StudyOptions { StudyOptions(deck: deck, tag: tag, cards: cards, cram: cram, limit: limit) }
}
