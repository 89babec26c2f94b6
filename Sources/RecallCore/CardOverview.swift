/// One live card as `recall cards` lists it: its question, tags, schedule and study status.
public struct CardOverview: Sendable, Equatable {
    public var key: CardKey
    /// The question (Markdown).
    public var question: String
    public var tags: [String]
    /// The schedule; nil for a new card.
    public var state: CardState?
    public var suspended: Bool
    /// Buried until this study day; nil when not buried.
    public var buriedUntil: StudyDay?
    /// Its place in its deck, in the author's order.
    public var position: Int
    /// When the notebook first saw it, as an order: a card added later has a larger number.
    public var added: Int64

    public init(
        key: CardKey, question: String, tags: [String] = [], state: CardState? = nil, suspended: Bool = false,
        buriedUntil: StudyDay? = nil, position: Int, added: Int64
    ) {
        self.key = key
        self.question = question
        self.tags = tags
        self.state = state
        self.suspended = suspended
        self.buriedUntil = buriedUntil
        self.position = position
        self.added = added
    }

    public func stage(on day: StudyDay) -> CardStage {
        CardStage.of(state: state, suspended: suspended, buriedUntil: buriedUntil, on: day)
    }
}

/// The orders `recall cards --sort` offers. In all but `added`, new cards (no schedule to sort
/// by) come last in the author's order (deck, then place in the deck); ties are broken by due
/// day, then the author's order.
public enum CardListOrder: String, Sendable, CaseIterable {
    /// Soonest due first: the order the queue would take them in.
    case due
    /// Lowest easiness factor first: the hardest cards.
    case ease
    /// Most lapses first.
    case lapses
    /// In the order the notebook first saw them, oldest first.
    case added

    public func sorted(_ cards: [CardOverview]) -> [CardOverview] {
        if self == .added { return cards.sorted { $0.added < $1.added } }
        return cards.sorted { a, b in
            switch (a.state, b.state) {
            case (nil, nil): return Self.authorOrder(a, b)
            case (nil, _): return false
            case (_, nil): return true
            case (let x?, let y?):
                switch self {
                case .ease where x.ef100 != y.ef100: return x.ef100 < y.ef100
                case .lapses where x.lapses != y.lapses: return x.lapses > y.lapses
                default: return x.due != y.due ? x.due < y.due : Self.authorOrder(a, b)
                }
            }
        }
    }

    private static func authorOrder(_ a: CardOverview, _ b: CardOverview) -> Bool {
        (a.key.deck, a.position) < (b.key.deck, b.position)
    }
}
