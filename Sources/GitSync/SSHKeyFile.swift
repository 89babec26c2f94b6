import Foundation

/// What can be read from a private key file without its passphrase, to explain a refused key:
/// whether it is encrypted, and its algorithm. Understands OpenSSH's format (`openssh-key-v1`) and
/// the older PEM files.
struct SSHKeyFile {
    var isPassphraseProtected = false
    /// `ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`…; nil when the file says nothing we can read.
    var type: String?

    init(path: String) {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        if text.contains("BEGIN RSA PRIVATE KEY") { type = "ssh-rsa" }
        if text.contains("ENCRYPTED") { isPassphraseProtected = true }
        if let publicKey = try? String(contentsOfFile: path + ".pub", encoding: .utf8),
            let first = publicKey.split(separator: " ").first
        {
            type = String(first)
        }
        guard text.contains("BEGIN OPENSSH PRIVATE KEY") else { return }
        let body = text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") }.joined()
        guard let data = Data(base64Encoded: body) else { return }
        // magic, then the strings cipher, kdf name, kdf options, a key count, and the first public
        // key (whose own first string is its type): none of it encrypted.
        var reader = WireReader(bytes: [UInt8](data))
        guard reader.skip(Array("openssh-key-v1".utf8) + [0]), let cipher = reader.string() else { return }
        isPassphraseProtected = cipher != [UInt8]("none".utf8)
        guard reader.string() != nil, reader.string() != nil, reader.uint32() != nil, let blob = reader.string()
        else { return }
        var inner = WireReader(bytes: blob)
        if let name = inner.string() { type = String(decoding: name, as: UTF8.self) }
    }

    /// The ssh wire format's big-endian lengths and length-prefixed strings.
    private struct WireReader {
        let bytes: [UInt8]
        var offset = 0

        init(bytes: [UInt8]) { self.bytes = bytes }

        mutating func skip(_ expected: [UInt8]) -> Bool {
            guard bytes.count >= offset + expected.count, Array(bytes[offset..<(offset + expected.count)]) == expected
            else { return false }
            offset += expected.count
            return true
        }

        mutating func uint32() -> Int? {
            guard bytes.count >= offset + 4 else { return nil }
            defer { offset += 4 }
            return bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
        }

        mutating func string() -> [UInt8]? {
            guard let length = uint32(), bytes.count >= offset + length else { return nil }
            defer { offset += length }
            return Array(bytes[offset..<(offset + length)])
        }
    }
}
