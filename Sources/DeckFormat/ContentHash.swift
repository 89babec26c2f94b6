/// A stable fingerprint of a card's content, to tell an edited card from an unchanged one.
/// FNV-1a (64-bit) over the fields: change detection only, not a security property.
public enum ContentHash {
    public static func of(_ parts: [String]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, part) in parts.enumerated() {
            if index > 0 { hash = (hash ^ 0x1f) &* 0x0000_0100_0000_01b3 }  // unit separator
            for byte in part.utf8 {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
