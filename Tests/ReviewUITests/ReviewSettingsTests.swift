import DeckFormat
import ReviewUI
import Testing

@Suite("Review settings from the environment")
struct ReviewSettingsTests {
    @Test("the editor is $VISUAL, else $EDITOR, else vi; an empty value counts as unset")
    func editor() {
        #expect(ReviewSettings.live(variables: ["VISUAL": "code -w", "EDITOR": "nano"]).editor == "code -w")
        #expect(ReviewSettings.live(variables: ["EDITOR": "nano"]).editor == "nano")
        #expect(ReviewSettings.live(variables: [:]).editor == "vi")
        #expect(ReviewSettings.live(variables: ["VISUAL": "", "EDITOR": " "]).editor == "vi")
        #expect(ReviewSettings.live(variables: ["VISUAL": "", "EDITOR": "nano"]).editor == "nano")
    }

    @Test("the exercise language is $RECALL_LANG, Python when unset or unknown")
    func language() {
        #expect(ReviewSettings.live(variables: ["RECALL_LANG": "swift"]).exerciseLanguage == .swift)
        #expect(ReviewSettings.live(variables: ["RECALL_LANG": "cobol"]).exerciseLanguage == .python)
        #expect(ReviewSettings.live(variables: [:]).exerciseLanguage == .python)
    }

    @Test("colour follows NO_COLOR and TERM")
    func colour() {
        #expect(!ReviewSettings.live(variables: ["NO_COLOR": "1", "TERM": "xterm-256color"]).color.enabled)
        #expect(ReviewSettings.live(variables: ["TERM": "xterm-256color"]).color.enabled)
    }
}
