import ArgumentParser
import DeckFormat
import RecallCore

// Values typed on the command line are parsed by the argument parser, so a malformed one is a
// usage error (exit 2) that names the argument and shows its help, before any use case runs.
// The conformances live here because only the executable depends on ArgumentParser.

extension CardKey: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}

extension Grade: ExpressibleByArgument {
    public init?(argument: String) { self.init(text: argument) }
}

extension Language: ExpressibleByArgument {
    /// Also the aliases a user may type ("py", "c++").
    public init?(argument: String) { self.init(name: argument) }
}

extension CardReference: ExpressibleByArgument {
    /// `deck/id`, or a bare id resolved by the notebook.
    public init?(argument: String) { self.init(argument) }
}

/// `recall cards --state`: a bad value lists the valid ones.
extension CardStageFilter: ExpressibleByArgument {}

/// `recall cards --sort`.
extension CardListOrder: ExpressibleByArgument {}
