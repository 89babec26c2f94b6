import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real OpenSSH server on 127.0.0.1 and a free port, for the current user, with its own host key,
/// config and authorized_keys in `folder`: nothing in /etc/ssh is read or changed. Repositories are
/// reached as `ssh://USER@127.0.0.1:PORT/absolute/path.git`. Call `stop()` in a `defer`.
public final class SSHServer: @unchecked Sendable {
    public let port: Int
    /// The login name of the user running the tests (sshd serves only that user).
    public let user: String
    /// The server's host key line as OpenSSH writes it to known_hosts (`[127.0.0.1]:PORT ssh-ed25519 …`).
    public let knownHostsLine: String
    public let authorizedKeys: URL
    private let process: BackgroundProcess

    /// Starts `sshd -D -e` with public key authentication for `authorizedKeyFiles` (`.pub` files),
    /// password authentication allowed only when `allowPasswords` (to show nobody sends one).
    public init(in folder: URL, authorizedKeyFiles: [String], allowPasswords: Bool = false) throws {
        let sshd = "/usr/sbin/sshd"  // sshd re-executes itself and insists on an absolute path
        guard FileManager.default.isExecutableFile(atPath: sshd) else {
            throw ChildProcess.Failure(description: "\(sshd) is missing: install openssh-server (`make deps`)")
        }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Run as root, sshd insists on its privilege separation folder; the Debian package creates it
        // only from its service unit, which never runs in a container without systemd.
        if getuid() == 0 && !FileManager.default.fileExists(atPath: "/run/sshd") {
            try FileManager.default.createDirectory(
                atPath: "/run/sshd", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        }
        guard let entry = getpwuid(getuid()), let name = entry.pointee.pw_name else {
            throw ChildProcess.Failure(description: "no passwd entry for uid \(getuid())")
        }
        user = String(cString: name)
        port = try LocalPort.free()
        let hostKey = folder.appendingPathComponent("ssh_host_ed25519_key")
        try SSHKeys.generate(at: hostKey.path)
        let publicHostKey = try String(contentsOfFile: hostKey.path + ".pub", encoding: .utf8)
            .split(separator: " ").prefix(2).joined(separator: " ")
        knownHostsLine = "[127.0.0.1]:\(port) \(publicHostKey)"
        authorizedKeys = folder.appendingPathComponent("authorized_keys")
        let keys = try authorizedKeyFiles.map { try String(contentsOfFile: $0, encoding: .utf8) }
        try Data(keys.joined().utf8).write(to: authorizedKeys)
        let config = folder.appendingPathComponent("sshd_config")
        let settings = [
            "ListenAddress 127.0.0.1", "Port \(port)", "HostKey \(hostKey.path)",
            "AuthorizedKeysFile \(authorizedKeys.path)", "PidFile none", "UsePAM no",
            // The temporary folder's owner and modes are the test's, not a home's.
            "StrictModes no", "PubkeyAuthentication yes",
            "PasswordAuthentication \(allowPasswords ? "yes" : "no")", "KbdInteractiveAuthentication no",
            "PermitRootLogin prohibit-password", "LogLevel DEBUG1",
        ]
        try Data((settings.joined(separator: "\n") + "\n").utf8).write(to: config)
        process = try BackgroundProcess(
            [sshd, "-D", "-e", "-f", config.path], environment: ["PATH": "/usr/local/bin:/usr/bin:/bin"],
            logFile: folder.appendingPathComponent("sshd.log"))
        try process.wait(for: "listening on port \(port)") { process.log.contains("Server listening on 127.0.0.1") }
    }

    /// `ssh://USER@127.0.0.1:PORT/path` for an absolute path on this machine.
    public func url(_ path: String) -> String { "ssh://\(user)@127.0.0.1:\(port)\(path)" }

    /// sshd's log (LogLevel DEBUG1): which methods clients tried, which keys were accepted.
    public var log: String { process.log }

    public func stop() { process.stop() }
}

/// OpenSSH's key tools, run as they would be by a user.
public enum SSHKeys {
    /// A new key pair (`ed25519`, `ecdsa`, `rsa`) at `path` and `path.pub`, protected by `passphrase`
    /// when not empty.
    public static func generate(at path: String, type: String = "ed25519", passphrase: String = "") throws {
        try run(["ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", "recall-test", "-f", path])
    }

    /// Runs an OpenSSH tool and returns its output; throws with that output when it fails.
    @discardableResult
    public static func run(_ argv: [String], environment: [String: String] = [:]) throws -> String {
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        let result = try ChildProcess.run(argv, environment: env)
        guard result.status == 0 else {
            throw ChildProcess.Failure(
                description: "\(argv.joined(separator: " ")) exited with \(result.status): \(result.output)")
        }
        return result.output
    }
}

/// A real `ssh-agent` listening on a socket in a temporary folder. Call `stop()` in a `defer`.
public final class SSHAgent: @unchecked Sendable {
    public let socket: String
    private let process: BackgroundProcess

    public init(in folder: URL) throws {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        socket = folder.appendingPathComponent("agent.sock").path
        process = try BackgroundProcess(
            ["ssh-agent", "-D", "-a", socket], environment: ["PATH": "/usr/local/bin:/usr/bin:/bin"],
            logFile: folder.appendingPathComponent("ssh-agent.log"))
        // The socket file appears at bind(2), a moment before listen(2): a client connecting in
        // between is refused. Ready means `ssh-add -l` reaches it (exit 1, "no identities", or 0);
        // 2 is "could not connect".
        var environment = ProcessInfo.processInfo.environment
        environment["SSH_AUTH_SOCK"] = socket
        try process.wait(for: "its socket to accept connections") { [socket, environment] in
            FileManager.default.fileExists(atPath: socket)
                && ((try? ChildProcess.run(["ssh-add", "-l"], environment: environment).status) ?? 2) != 2
        }
    }

    /// `ssh-add KEY`: the key must not need a passphrase (ssh-add would ask for it).
    public func add(_ keyFile: String) throws {
        try SSHKeys.run(["ssh-add", keyFile], environment: ["SSH_AUTH_SOCK": socket])
    }

    public func stop() { process.stop() }
}
