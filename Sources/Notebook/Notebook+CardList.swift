import RecallCore
import Storage

/// One line of `recall cards`: the card and its stage today.
public struct CardListEntry: Sendable, Equatable {
    public var card: CardOverview
    public var stage: CardStage
}

extension Notebook {
    /// The live cards of a deck (or all), with a tag (or any), at a stage (or any), in `order`.
    /// An unknown deck is an error; a tag or stage that selects nothing gives an empty list.
    public func listCards(
        deck: String? = nil, tag: String? = nil, stage: CardStageFilter? = nil, order: CardListOrder = .due
    ) throws -> [CardListEntry] {
        // A deck with its sub-decks, as `recall review --deck` takes it.
        let decks = try scope(deck: deck, tag: nil).decks
        let day = today
        let overviews =
            try decks.map { try $0.flatMap { try store.cardOverviews(deck: $0, tag: tag) } }
            ?? store.cardOverviews(deck: nil, tag: tag)
        let cards = overviews.filter { stage?.matches($0, on: day) ?? true }
        return order.sorted(cards).map { CardListEntry(card: $0, stage: $0.stage(on: day)) }
    }
}
