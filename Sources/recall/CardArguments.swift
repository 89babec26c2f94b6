import ArgumentParser
import RecallCore

/// The one card `show`, `edit` and `answer` act on: one argument with one help text.
struct OneCard: ParsableArguments {
    @Argument(help: "The card, as deck/id or a bare id (when only one deck has it).")
    var card: CardReference
}

/// The exercise `exercise` and `check` work on.
struct OneExercise: ParsableArguments {
    @Argument(help: "The exercise, as deck/id or a bare id (e.g. coding/remove-nth-from-end).")
    var exercise: CardReference
}
