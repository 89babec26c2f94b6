import Foundation
import RecallTestSupport
import Testing

@testable import GitSync

/// Limits on a `known_hosts` file (docs/LIMITS.md): over either, the file cannot vouch for a key
/// and the connection is refused, naming the file (and line).
@Suite("known_hosts limits")
struct KnownHostsLimitsTests {
    static var key: SSHHostKey {
        let type = Array("ssh-ed25519".utf8)
        return SSHHostKey(blob: [0, 0, 0, UInt8(type.count)] + type + [0, 0, 0, 32] + Array(repeating: 7, count: 32))
    }
    static var trustedLine: String { "example.org ssh-ed25519 \(Data(key.blob).base64EncodedString())\n" }

    /// A comment line of exactly `bytes` bytes, newline excluded.
    static func comment(_ bytes: Int) -> String { "#" + String(repeating: "c", count: bytes - 1) + "\n" }

    func verdict(_ text: String) throws -> KnownHosts.Verdict {
        let folder = try TemporaryFolder("recall-known-hosts")
        defer { folder.remove() }
        let file = try folder.write("known_hosts", text)
        return KnownHosts.check(Self.key, name: "example.org", files: [file.path])
    }

    @Test("a line of 16,384 bytes is read; one of 16,385 makes the file refused, naming file:line")
    func lineLength() throws {
        #expect(try verdict(Self.comment(16_384) + Self.trustedLine) == .trusted)
        guard case .overLimit(let file, let reason) = try verdict(Self.comment(16_385) + Self.trustedLine) else {
            Issue.record("a line over the limit was read")
            return
        }
        #expect(file.hasSuffix("/known_hosts:1"))
        #expect(reason == "is a line of 16385 bytes, over the limit of 16384 bytes")
    }

    @Test("a file of 16 MiB is read; one byte more is refused from its size")
    func fileSize() throws {
        let limit = KnownHostsLimits.maxFileBytes
        #expect(limit == 16 * 1_048_576)
        let line = Self.comment(16_383)  // 16,384 bytes with its newline
        let padding = String(repeating: line, count: limit / line.utf8.count - 1)
        var text = Self.trustedLine + padding
        text += "#" + String(repeating: "c", count: limit - text.utf8.count - 1)  // the last line, no newline
        #expect(text.utf8.count == limit)
        #expect(try verdict(text) == .trusted)
        guard case .overLimit(_, let reason) = try verdict(text + "\n") else {
            Issue.record("a file over the limit was read")
            return
        }
        #expect(reason == "is 16777217 bytes, over the limit of 16777216 bytes")
    }
}
