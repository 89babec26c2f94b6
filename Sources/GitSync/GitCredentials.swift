import Foundation

/// Where credentials for remotes come from, read once from the environment, and which ssh servers
/// are trusted. Secrets are never printed: `description` shows only which kinds are present.
public struct GitCredentials: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// An https token (sent as the password; the user name defaults to `x-access-token`).
    public var token: String?
    public var username: String?
    public var password: String?
    /// Private key files tried in order for ssh (after the agent), with their optional passphrase.
    public var sshKeyFiles: [String]
    public var sshPassphrase: String?
    /// Ask a running ssh-agent first. libssh2 finds the agent through the process's own
    /// `SSH_AUTH_SOCK`, whatever variables `fromEnvironment` was given.
    public var useSSHAgent: Bool
    /// OpenSSH `known_hosts` files holding the ssh host keys to trust; the first one is the user's,
    /// where `acceptNewHostKeys` records new keys.
    public var knownHostsFiles: [String]
    /// Trust an ssh server whose host key is not recorded yet, and record it (OpenSSH's
    /// `StrictHostKeyChecking=accept-new`). A key that differs from a recorded one is still refused.
    public var acceptNewHostKeys: Bool
    /// How long a remote may stay silent (connecting, or with no data arriving) before a clone,
    /// fetch or push gives up, in seconds; 0 waits forever.
    public var timeout: Double

    /// `RECALL_GIT_TIMEOUT`'s default.
    public static let defaultTimeout: Double = 30

    public init(
        token: String? = nil, username: String? = nil, password: String? = nil, sshKeyFiles: [String] = [],
        sshPassphrase: String? = nil, useSSHAgent: Bool = false, knownHostsFiles: [String] = [],
        acceptNewHostKeys: Bool = false, timeout: Double = GitCredentials.defaultTimeout
    ) {
        self.timeout = timeout
        self.token = token
        self.username = username
        self.password = password
        self.sshKeyFiles = sshKeyFiles
        self.sshPassphrase = sshPassphrase
        self.useSSHAgent = useSSHAgent
        self.knownHostsFiles = knownHostsFiles
        self.acceptNewHostKeys = acceptNewHostKeys
    }

    /// `RECALL_GIT_TOKEN`, `RECALL_GIT_USERNAME`, `RECALL_GIT_PASSWORD`, `RECALL_GIT_SSH_KEY` (else
    /// ~/.ssh/id_ed25519, id_ecdsa, id_rsa), `RECALL_GIT_SSH_PASSPHRASE`, `SSH_AUTH_SOCK` (used when
    /// it names a socket: a stale one would abort ssh authentication before the key files are tried),
    /// ~/.ssh/known_hosts and /etc/ssh/ssh_known_hosts, `RECALL_GIT_ACCEPT_NEW_HOST_KEYS=1`, and
    /// `RECALL_GIT_TIMEOUT` (seconds; anything but a number >= 0 means the default, 30).
    public static func fromEnvironment(_ variables: [String: String] = ProcessInfo.processInfo.environment)
        -> GitCredentials
    {
        func value(_ name: String) -> String? {
            guard let text = variables[name], !text.isEmpty else { return nil }
            return text
        }
        var keys: [String] = []
        if let key = value("RECALL_GIT_SSH_KEY") {
            keys = [key]
        } else if let home = value("HOME") {
            keys = ["id_ed25519", "id_ecdsa", "id_rsa"].map { "\(home)/.ssh/\($0)" }
                .filter { FileManager.default.fileExists(atPath: $0) }
        }
        var knownHosts = ["/etc/ssh/ssh_known_hosts"]
        if let home = value("HOME") { knownHosts.insert("\(home)/.ssh/known_hosts", at: 0) }
        return GitCredentials(
            token: value("RECALL_GIT_TOKEN"), username: value("RECALL_GIT_USERNAME"),
            password: value("RECALL_GIT_PASSWORD"), sshKeyFiles: keys,
            sshPassphrase: value("RECALL_GIT_SSH_PASSPHRASE"),
            useSSHAgent: value("SSH_AUTH_SOCK").map(isSocket) ?? false, knownHostsFiles: knownHosts,
            acceptNewHostKeys: ["1", "yes", "true"].contains(value("RECALL_GIT_ACCEPT_NEW_HOST_KEYS")?.lowercased()),
            timeout: value("RECALL_GIT_TIMEOUT").flatMap(Double.init).flatMap { $0 >= 0 && $0.isFinite ? $0 : nil }
                ?? defaultTimeout)
    }

    private static func isSocket(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFSOCK
    }

    /// No credentials at all (anonymous remotes, local paths).
    public static let none = GitCredentials()

    public var description: String {
        var kinds: [String] = []
        if token != nil { kinds.append("token") }
        if password != nil { kinds.append("password") }
        if useSSHAgent { kinds.append("ssh-agent") }
        if !sshKeyFiles.isEmpty { kinds.append("\(sshKeyFiles.count) ssh key file(s)") }
        if acceptNewHostKeys { kinds.append("new ssh host keys accepted") }
        return "GitCredentials(\(kinds.isEmpty ? "none" : kinds.joined(separator: ", ")))"
    }

    public var debugDescription: String { description }

    /// The https user name and secret, if any. A user name written in the URL (`https://alice@host/…`,
    /// libgit2 passes it as `urlUser`) stands in when `RECALL_GIT_USERNAME` is not set.
    func userPassword(urlUser: String?) -> (user: String, secret: String)? {
        if let token { return (username ?? urlUser ?? "x-access-token", token) }
        if let password, let user = username ?? urlUser { return (user, password) }
        return nil
    }
}
