/// The transports Recall lets libgit2 use, and URLs made safe to print.
public enum RemoteURL {
    /// Schemes accepted in `scheme://…` URLs.
    static let allowedSchemes: Set<String> = ["file", "git", "ssh", "https", "http", "ssh+git", "git+ssh"]

    /// Throws `GitError.unsupportedTransport` unless `url` is a plain path, `file://`, `git://`,
    /// `ssh://`, scp-like `user@host:path`, `https://` or `http://`. Transport helpers such as
    /// `ext::` (which runs an arbitrary command) and unknown schemes are refused.
    public static func validate(_ url: String) throws {
        let shown = redacted(url)
        if url.isEmpty { throw GitError.unsupportedTransport(url: shown, reason: "the URL is empty") }
        if url.hasPrefix("-") {
            throw GitError.unsupportedTransport(url: shown, reason: "a URL may not start with '-'")
        }
        if url.utf8.contains(where: { $0 < 0x20 || $0 == 0x7f }) {
            throw GitError.unsupportedTransport(url: shown, reason: "the URL contains control characters")
        }
        if let schemeEnd = url.range(of: "://") {
            let scheme = url[..<schemeEnd.lowerBound].lowercased()
            guard allowedSchemes.contains(scheme) else {
                throw GitError.unsupportedTransport(url: shown, reason: "the '\(scheme)' transport is not supported")
            }
            return
        }
        // `<transport>::<address>` selects a remote helper (ext::, fd::, …): never allowed.
        if let helper = url.range(of: "::"), !url[..<helper.lowerBound].contains("/") {
            let name = String(url[..<helper.lowerBound])
            throw GitError.unsupportedTransport(
                url: shown, reason: "the '\(name)::' transport runs other programs and is refused")
        }
        // What is left is a local path or an scp-like `[user@]host:path`; both are fine.
    }

    /// The URL with any password or token (`https://user:secret@host`) replaced by `***`.
    public static func redacted(_ url: String) -> String {
        guard let schemeEnd = url.range(of: "://") else { return url }
        let rest = url[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard let at = authority.lastIndex(of: "@") else { return url }
        let userInfo = authority[..<at]
        let user = userInfo.prefix { $0 != ":" }  // empty in `https://:token@host`
        let hidden = userInfo.contains(":") ? "\(user):***" : user
        return String(url[..<schemeEnd.upperBound]) + hidden + String(rest[at...])
    }

    /// Whether the URL reaches its server over ssh (explicit scheme or scp-like syntax).
    static func isSSH(_ url: String) -> Bool {
        if let schemeEnd = url.range(of: "://") {
            return url[..<schemeEnd.lowerBound].lowercased().contains("ssh")
        }
        guard let colon = url.firstIndex(of: ":") else { return false }
        return !url[..<colon].contains("/") && url[..<colon].count > 1
    }
}
