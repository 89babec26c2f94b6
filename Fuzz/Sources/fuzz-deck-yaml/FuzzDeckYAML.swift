import DeckFormat
import FuzzSupport

/// `deck.yaml` (and front matter) text through `DeckMeta.parse(yaml:file:firstLine:)`. Properties:
/// never traps; what it accepts obeys the format (a valid deck id, new_per_day ≥ 0, tags lowercase
/// and non-empty); every issue points at a line of the text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDeckYAML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let firstLine = 2  // as in front matter, below the opening '---'
    let (meta, issues) = DeckMeta.parse(yaml: text, file: "deck.yaml", firstLine: firstLine)
    if let deck = meta.deck {
        require(
            !deck.isEmpty && deck.utf8.allSatisfy { "abcdefghijklmnopqrstuvwxyz0123456789-".utf8.contains($0) },
            "accepted deck id '\(deck)'")
    }
    if let newPerDay = meta.newPerDay { require(newPerDay >= 0, "accepted new_per_day \(newPerDay)") }
    for tag in meta.tags { require(!tag.isEmpty && tag == tag.lowercased(), "tag '\(tag)'") }
    // Lines as YAML counts them: a lone CR, NEL, LS and PS end a line too.
    let breaks = text.unicodeScalars.split(
        omittingEmptySubsequences: false, whereSeparator: { "\n\r\u{85}\u{2028}\u{2029}".unicodeScalars.contains($0) })
    let lastLine = firstLine + breaks.count - 1
    for issue in issues {
        require(
            issue.line >= firstLine && issue.line <= lastLine,
            "issue at line \(issue.line) of \(firstLine)...\(lastLine): \(issue)")
    }
    return 0
}

@_cdecl("fuzz_deck_yaml_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzzDeckYAML)
}
