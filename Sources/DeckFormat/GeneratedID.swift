import RecallCore

/// The id Recall gives a card whose heading has none: made from the question, so it reads well in
/// `recall show` and survives edits to the answer.
public enum GeneratedID {
    /// The question's slug (`card-<hash>` when it has too few Latin letters or digits), with `-2`,
    /// `-3`, … appended while `isTaken` says the candidate is in use.
    public static func make(for question: String, isTaken: (String) -> Bool) -> String {
        var base = Identifier.slug(question)
        if base.count < 3 { base = "card-" + ContentHash.of([question]).prefix(8) }
        var candidate = base
        var counter = 2
        while isTaken(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        return candidate
    }
}
