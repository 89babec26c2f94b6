import RecallCore

/// What one new grade does to a card, decided from its history alone.
public struct AnswerStep: Sendable, Equatable {
    /// The event to log: the draft with its kind decided (review or drill).
    public var event: ReviewEvent
    /// The card's state after the event (the fold of its history plus the event).
    public var state: CardState
    /// The day of the card's first scheduling review (what the daily new-card limit counts).
    public var firstReview: StudyDay
}

/// Why a grade is refused: the card is not due, and the learner did not ask for `early`.
public struct NotDue: Error, Sendable, Equatable {
    /// When the card falls due (today for a re-drill that is no longer pending).
    public var due: StudyDay
}

extension SM2 {
    /// The due check, written once: a card is due on `day` when it is new or its due day has come.
    public static func isDue(_ state: CardState?, on day: StudyDay) -> Bool {
        guard let state else { return true }
        return state.due <= day
    }

    /// The answer step: given a card's `history` (any order) and a `draft` of the new grade (its
    /// card, grade, day, timestamp, device and seq; its kind is decided here), returns the event to
    /// log and the card's new state. The first grade of a study day is the scheduling review,
    /// refused when the card is not due; later ones that day are drills, refused unless the last
    /// grade that day still needs a re-drill. `early` lifts both refusals. `start`: the schedule
    /// the history folds from (a `schedule` action's; nil for a new card).
    public static func answer(_ draft: ReviewEvent, history: [ReviewEvent], from start: CardState? = nil, early: Bool)
        throws(NotDue) -> AnswerStep
    {
        let today = history.filter { $0.day == draft.day }
        let kind = kindOfNextGrade(eventsToday: today)
        let before = fold(history, from: start)
        if !early {
            switch kind {
            case .review:
                if !isDue(before, on: draft.day), let before { throw NotDue(due: before.due) }
            case .drill:
                if !needsDrill(today) { throw NotDue(due: before?.due ?? draft.day) }
            }
        }
        var event = draft
        event.kind = kind
        let all = history + [event]
        // A drill never comes first on a day, so the history holds a review and the fold a state.
        let state = fold(all, from: start) ?? review(before, grade: event.grade, on: event.day)
        let firstReview = all.lazy.filter { $0.kind == .review }.map(\.day).min() ?? event.day
        return AnswerStep(event: event, state: state, firstReview: firstReview)
    }

    /// A cram grade (`recall review --cram`): logged as a drill whatever the card's due date, so it
    /// changes no schedule (`fold` skips drills) and counts nowhere as the day's review.
    public static func cram(_ draft: ReviewEvent) -> ReviewEvent {
        var event = draft
        event.kind = .drill
        return event
    }
}
