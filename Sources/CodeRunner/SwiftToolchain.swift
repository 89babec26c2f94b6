import Foundation

/// Where the Swift compiler lives, so Swift solutions compile on machines whose toolchain is not in
/// /opt/swift (a distro package under /usr, a swiftly install under the home folder).
struct SwiftToolchain: Sendable {
    /// The `swiftc` to run (inside the sandbox the same path is visible).
    var compiler: String
    /// The folder to bind read-only into the sandbox; nil when the toolchain is under /usr already.
    var root: String?

    /// `RECALL_SWIFTC`, else the first `swiftc` on PATH, else /opt/swift; nil when none exists.
    static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) -> SwiftToolchain? {
        var candidates: [String] = []
        if let given = environment["RECALL_SWIFTC"], !given.isEmpty { candidates.append(given) }
        for folder in (environment["PATH"] ?? "").split(separator: ":") { candidates.append("\(folder)/swiftc") }
        candidates.append("/opt/swift/usr/bin/swiftc")
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            // swiftc is usually a symlink to swift-driver, which picks its mode from the name it is
            // called by: resolve the folder, keep the name.
            let resolved = URL(fileURLWithPath: candidate).resolvingSymlinksInPath().deletingLastPathComponent()
            let compiler = resolved.appendingPathComponent("swiftc").path
            guard FileManager.default.isExecutableFile(atPath: compiler) else { continue }
            // The toolchain root holds usr/bin, usr/lib/swift (runtime, stdlib modules) and more.
            var root = resolved.deletingLastPathComponent().path
            if resolved.path.hasSuffix("/usr/bin") {
                root = resolved.deletingLastPathComponent().deletingLastPathComponent().path
            }
            let underUsr = root == "/" || root.isEmpty || root == "/usr" || root.hasPrefix("/usr/")
            return SwiftToolchain(compiler: compiler, root: underUsr ? nil : root)
        }
        return nil
    }
}
