import DeckFormat
import FuzzSupport

/// A Markdown deck file's bytes through `CardParser.parse(data:file:)`, the parser `recall import`
/// runs on every deck file. Properties, beyond never trapping:
/// - writing no ids leaves the file byte for byte as it was;
/// - for a file without issues, writing ids into the cards that lack one (`IDWriter`, as the
///   scanner does) and parsing again gives the same cards, each now with its id, no issue, and
///   the same front matter.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDeckFile(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = fuzzBytes(data, size)
    let parsed = CardParser.parse(data: bytes, file: "deck.md")
    require(IDWriter.insert(ids: [:], into: bytes) == bytes, "IDWriter changed a file it had no id for")
    guard parsed.issues.isEmpty else { return 0 }

    var taken = Set(parsed.cards.compactMap(\.id))
    var ids: [Int: String] = [:]
    var expected = parsed.cards
    for index in expected.indices where expected[index].id == nil {
        var number = index + 1
        while taken.contains("card-\(number)") { number += expected.count }
        let id = "card-\(number)"
        taken.insert(id)
        ids[expected[index].line] = id
        expected[index].id = id
    }
    let written = IDWriter.insert(ids: ids, into: bytes)
    let again = CardParser.parse(data: written, file: "deck.md")
    require(again.issues.isEmpty, "issues after writing ids: \(again.issues)")
    require(again.meta == parsed.meta, "front matter changed: \(parsed.meta) → \(again.meta)")
    require(again.cards == expected, "cards changed after writing ids:\n\(expected)\n→\n\(again.cards)")
    return 0
}

@_cdecl("fuzz_deck_file_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzzDeckFile)
}
