/// The UTF-8 byte-order mark (EF BB BF) that some Windows editors put at the start of a file. It
/// is not text: it is dropped before a file is parsed, or the first heading or `---` line would
/// not be seen. Files written back (ids, added cards) are copied byte for byte, so they keep it.
enum ByteOrderMark {
    static let bytes: [UInt8] = [0xEF, 0xBB, 0xBF]

    /// `text` without a leading byte-order mark.
    static func dropped(from text: String) -> String {
        text.utf8.starts(with: bytes) ? String(Substring(text.utf8.dropFirst(bytes.count))) : text
    }
}
