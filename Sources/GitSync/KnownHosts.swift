import Crypto
import Foundation

/// An ssh server's host key as libssh2 received it.
public struct SSHHostKey: Equatable {
    /// The key in ssh wire format, as `known_hosts` holds it in base64.
    public var blob: [UInt8]
    /// `SHA256:…` as `ssh-keygen -l` prints it, when libssh2 computed the hash.
    public var fingerprint: String?

    public init(blob: [UInt8], fingerprint: String? = nil) {
        self.blob = blob
        self.fingerprint = fingerprint
    }

    /// The algorithm name at the head of the blob (`ssh-ed25519`, `ecdsa-sha2-nistp256`, `ssh-rsa`).
    public var type: String {
        guard blob.count >= 4 else { return "unknown" }
        let length = blob[0..<4].reduce(0) { $0 << 8 | Int($1) }
        guard length > 0, blob.count >= 4 + length else { return "unknown" }
        return String(decoding: blob[4..<(4 + length)], as: UTF8.self)
    }

    /// The name `ssh-keyscan -t` takes for this type.
    var scanType: String {
        switch type {
        case "ssh-ed25519": return "ed25519"
        case "ssh-rsa": return "rsa"
        case "ssh-dss": return "dsa"
        default: return type.hasPrefix("ecdsa") ? "ecdsa" : type
        }
    }
}

/// Limits on a `known_hosts` file (docs/LIMITS.md). A file over either is not trusted for
/// anything: the connection is refused, saying which file and why.
public enum KnownHostsLimits {
    /// Bytes in one file (a line is about 100–800 bytes: tens of thousands of hosts).
    public static let maxFileBytes = 16 << 20
    /// Bytes in one line (a 16384-bit RSA key is about 2,800 bytes of base64).
    public static let maxLineBytes = 16_384
}

/// OpenSSH's `known_hosts` files, read to decide whether an ssh server is the one the user trusts.
/// Understands plain and hashed (`|1|salt|hash`) host names, `[host]:port` for other ports than 22,
/// `*` and `?` patterns, `!` negation and `@revoked`. `@cert-authority` lines are skipped: libssh2
/// offers no host certificates.
public enum KnownHosts {
    public enum Verdict: Equatable {
        /// A line for this host holds this very key.
        case trusted
        /// No line for this host holds a key of this type.
        case unknown
        /// A line for this host holds another key of the same type.
        case changed(file: String, line: Int)
        /// The key is listed as `@revoked`.
        case revoked(file: String, line: Int)
        /// The file is over a limit (KnownHostsLimits), so it cannot say whether a key was replaced.
        case overLimit(file: String, reason: String)
    }

    /// The name `known_hosts` uses for `host` on `port`.
    public static func name(host: String, port: Int?) -> String {
        guard let port, port != 22 else { return host.lowercased() }
        return "[\(host.lowercased())]:\(port)"
    }

    /// What the files say about `key` presented by the server called `name`. Unreadable or missing
    /// files count as empty; a file over a limit is refused from its size before it is read.
    static func check(_ key: SSHHostKey, name: String, files: [String]) -> Verdict {
        var verdict = Verdict.unknown
        for file in files {
            guard let handle = FileHandle(forReadingAtPath: file) else { continue }
            defer { try? handle.close() }
            guard let size = try? handle.seekToEnd() else { continue }
            guard size <= KnownHostsLimits.maxFileBytes else {
                return .overLimit(
                    file: file, reason: "is \(size) bytes, over the limit of \(KnownHostsLimits.maxFileBytes) bytes")
            }
            guard (try? handle.seek(toOffset: 0)) != nil,
                let data = try? handle.read(upToCount: KnownHostsLimits.maxFileBytes + 1),
                data.count <= KnownHostsLimits.maxFileBytes,
                let text = String(data: data, encoding: .utf8)
            else { continue }
            switch check(key, name: name, text: text, file: file) {
            case .revoked(let file, let line): return .revoked(file: file, line: line)
            case .overLimit(let file, let reason): return .overLimit(file: file, reason: reason)
            case .trusted: verdict = .trusted
            case .changed(let file, let line) where verdict == .unknown: verdict = .changed(file: file, line: line)
            case .changed, .unknown: break
            }
        }
        return verdict
    }

    /// What one file's text says about `key` (lines numbered from 1 for `file`). Public, with the
    /// types it takes, for the fuzz target (Fuzz/).
    public static func check(_ key: SSHHostKey, name: String, text: String, file: String) -> Verdict {
        var verdict = Verdict.unknown
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard line.utf8.count <= KnownHostsLimits.maxLineBytes else {
                return .overLimit(
                    file: "\(file):\(index + 1)",
                    reason:
                        "is a line of \(line.utf8.count) bytes, over the limit of \(KnownHostsLimits.maxLineBytes) bytes"
                )
            }
            var fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let first = fields.first, !first.hasPrefix("#") else { continue }
            var marker: String?
            if first.hasPrefix("@") {
                marker = first
                fields.removeFirst()
            }
            guard fields.count >= 3, let blob = Data(base64Encoded: fields[2]) else { continue }
            let sameKey = [UInt8](blob) == key.blob
            switch marker {
            case "@revoked"?:
                if sameKey && matches(name, patterns: fields[0]) {
                    return .revoked(file: file, line: index + 1)
                }
            case nil:
                guard fields[1] == key.type, matches(name, patterns: fields[0]) else { continue }
                if sameKey {
                    verdict = .trusted
                } else if verdict == .unknown {
                    verdict = .changed(file: file, line: index + 1)
                }
            default:
                continue  // @cert-authority and unknown markers
            }
        }
        return verdict
    }

    /// Appends a plain line for `key` under `name` to `file`, creating it (and its folder) if needed.
    static func record(_ key: SSHHostKey, name: String, in file: String) throws {
        let url = URL(fileURLWithPath: file)
        let folder = url.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: folder.path) {
            try FileManager.default.createDirectory(
                at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        }
        var text = "\(name) \(key.type) \(Data(key.blob).base64EncodedString())\n"
        guard let handle = FileHandle(forUpdatingAtPath: file) else {
            try Data(text.utf8).write(to: url)
            return
        }
        defer { try? handle.close() }
        // Only the last byte matters: does the file end its last line?
        let size = try handle.seekToEnd()
        if size > 0 {
            try handle.seek(toOffset: size - 1)
            if try handle.read(upToCount: 1) != Data([UInt8(ascii: "\n")]) { text = "\n" + text }
        }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
    }

    /// OpenSSH's rule: the name matches when one pattern does and no negated (`!`) pattern does.
    public static func matches(_ name: String, patterns: String) -> Bool {
        if patterns.hasPrefix("|1|") { return hashedMatches(name, entry: patterns) }
        var matched = false
        for pattern in patterns.split(separator: ",") {
            let negated = pattern.hasPrefix("!")
            let glob = Array((negated ? pattern.dropFirst() : pattern).lowercased())
            guard globMatches(glob, Array(name)) else { continue }
            if negated { return false }
            matched = true
        }
        return matched
    }

    /// `|1|base64(salt)|base64(HMAC-SHA1(salt, name))`.
    private static func hashedMatches(_ name: String, entry: String) -> Bool {
        let parts = entry.split(separator: "|", omittingEmptySubsequences: true)
        guard parts.count == 3, parts[0] == "1", let salt = Data(base64Encoded: String(parts[1])),
            let hash = Data(base64Encoded: String(parts[2]))
        else { return false }
        let code = HMAC<Insecure.SHA1>.authenticationCode(for: Data(name.utf8), using: SymmetricKey(data: salt))
        return Data(code) == hash
    }

    /// `*` (any run) and `?` (any one character); every other character, `[` included, is literal.
    /// Iterative, going back only to the last `*` seen: whatever an earlier star could absorb, a
    /// later one can too, so the time is at most pattern × text. (Backtracking into every star, as
    /// a recursive matcher does, is exponential in the stars: a line of a stranger's known_hosts
    /// with a few dozen of them hung the check.)
    static func globMatches(_ pattern: [Character], _ text: [Character]) -> Bool {
        var p = 0
        var t = 0
        var lastStar: Int?
        var starText = 0
        while t < text.count {
            if p < pattern.count, pattern[p] == "*" {
                lastStar = p
                starText = t
                p += 1
            } else if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if let star = lastStar {
                // The last star takes one more character; the rest of the pattern starts again.
                p = star + 1
                starText += 1
                t = starText
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
