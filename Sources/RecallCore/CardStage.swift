/// Where a card stands, as `recall cards` shows it (docs/SM2.md, "Card stages").
public enum CardStage: String, Sendable, Codable, CaseIterable {
    /// Never graded, or forgotten since.
    case new
    /// Graded, but not yet recalled twice in a row: SM-2's 1-day steps (a lapse starts them again).
    case learning
    /// Past the first steps, interval under `matureInterval` days.
    case young
    /// Interval of `matureInterval` days or more.
    case mature
    case suspended
    /// Buried on the study day asked about (back the next one).
    case buried

    /// The interval (days) from which a reviewed card counts as mature, as in Anki.
    public static let matureInterval = 21
    /// SM-2's first two successful reviews both schedule the card a day later; the third is the
    /// first to use the easiness factor. Below this many repetitions a card is still learning.
    public static let learningRepetitions = 2

    /// The stage of a card on `day`. Suspension hides the schedule (a suspended card is
    /// `suspended` whatever else), then burial; otherwise the schedule decides.
    public static func of(
        state: CardState?, suspended: Bool, buriedUntil: StudyDay?, on day: StudyDay
    ) -> CardStage {
        if suspended { return .suspended }
        if let buriedUntil, buriedUntil > day { return .buried }
        guard let state else { return .new }
        if state.repetitions < learningRepetitions { return .learning }
        return state.interval < matureInterval ? .young : .mature
    }
}

/// What `recall cards --state` selects: the cards at one stage, or the leeches.
public enum CardStageFilter: String, Sendable, CaseIterable {
    case new, learning, young, mature, suspended, buried
    /// Cards tagged `leech` (leech detection tags and suspends them; the tag stays if they are
    /// unsuspended), whatever their stage.
    case leech

    /// The tag that marks a leech.
    public static let leechTag = "leech"

    public func matches(_ card: CardOverview, on day: StudyDay) -> Bool {
        switch self {
        case .leech: card.tags.contains(Self.leechTag)
        default: card.stage(on: day).rawValue == rawValue
        }
    }
}
