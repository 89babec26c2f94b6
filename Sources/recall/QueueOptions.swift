import ArgumentParser

/// `--deck` and `--limit`, shared by the commands that walk today's queue.
struct QueueOptions: ParsableArguments {
    @Option(help: "Only this deck.")
    var deck: String?

    @Option(help: "At most this many cards.")
    var limit: Int?

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit must be 1 or more") }
    }
}
