import Foundation
import FuzzSupport
import GitSync

/// `known_hosts` text and remote URLs. The input's first line is the server's name (as
/// `KnownHosts.name` makes it), the second its key (base64 of the wire-format blob), the rest a
/// `known_hosts` file for `KnownHosts.check`; every line is also tried as a remote URL
/// (`RemoteURL.validate`, `RemoteURL.redacted`). Properties: never traps; a URL's redaction is
/// stable (redacting twice changes nothing) and shows `scheme://user:***@host` for a
/// `scheme://user:password@host` URL: the user, and nothing of the password.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzKnownHosts(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = String(decoding: fuzzBytes(data, size), as: UTF8.self)
    let lines = text.split(separator: "\n", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
    let name = lines.first ?? ""
    let blob = lines.count > 1 ? Data(base64Encoded: lines[1]).map { [UInt8]($0) } ?? Array(lines[1].utf8) : []
    let key = SSHHostKey(blob: blob)
    _ = key.type
    _ = KnownHosts.check(key, name: name, text: lines.count > 2 ? lines[2] : "", file: "known_hosts")

    for line in text.split(separator: "\n").prefix(64).map(String.init) {
        _ = try? RemoteURL.validate(line)
        let shown = RemoteURL.redacted(line)
        require(RemoteURL.redacted(shown) == shown, "redacting twice: \(line) → \(shown)")
        if let (user, password) = userInfo(in: line), password?.isEmpty == false {
            require(
                userInfo(in: shown).map { "\($0.user):\($0.password ?? "")" } == "\(user):***",
                "password shown: \(line) → \(shown)")
        }
    }
    return 0
}

/// The user and password (the text after the first ':') of a `scheme://user:password@host/…` URL,
/// per RFC 3986: the authority ends at the first '/', '?' or '#', the user-info at its last '@'.
func userInfo(in url: String) -> (user: String, password: String?)? {
    guard let schemeEnd = url.range(of: "://") else { return nil }
    let rest = url[schemeEnd.upperBound...]
    let authority = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
    guard let at = authority.lastIndex(of: "@") else { return nil }
    let info = authority[..<at]
    guard let colon = info.firstIndex(of: ":") else { return (String(info), nil) }
    return (String(info[..<colon]), String(info[info.index(after: colon)...]))
}

@_cdecl("fuzz_known_hosts_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzzKnownHosts)
}
