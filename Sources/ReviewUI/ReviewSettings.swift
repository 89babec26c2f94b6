import DeckFormat
import Notebook
import TerminalUI

/// What the review screen takes from the outside world, read once at the edge (the command line)
/// and passed in, so the screen itself reads no environment variable.
public struct ReviewSettings: Sendable {
    /// The editor command for `e` and `o`: `$VISUAL`, else `$EDITOR`, else vi.
    public var editor: String
    /// The language `o` hands out for an exercise: `$RECALL_LANG`, else (or when unknown) Python.
    public var exerciseLanguage: Language
    public var color: ColorMode
    /// What `m` opens a card's image or audio file with: `$RECALL_OPENER`, else xdg-open.
    public var opener: MediaOpener

    public init(
        editor: String = "vi", exerciseLanguage: Language = .python, color: ColorMode = ColorMode(enabled: false),
        opener: MediaOpener = MediaOpener()
    ) {
        self.editor = editor
        self.exerciseLanguage = exerciseLanguage
        self.color = color
        self.opener = opener
    }

    /// The settings of a process whose standard output is a terminal, from its `variables`.
    public static func live(variables: [String: String]) -> ReviewSettings {
        ReviewSettings(
            editor: ExternalEditor(variables: variables).command,
            exerciseLanguage: Language(name: variables["RECALL_LANG"] ?? "python") ?? .python,
            color: ColorMode.detect(environment: variables, isTerminal: true),
            opener: MediaOpener(variables: variables))
    }
}
