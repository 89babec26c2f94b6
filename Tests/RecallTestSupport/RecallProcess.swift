import Foundation

/// Runs the real `recall` executable built next to the test bundle, as a user would.
public enum RecallProcess {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String

        /// stdout parsed as a JSON object (empty when it is not one).
        public var json: [String: Any] {
            (try? JSONSerialization.jsonObject(with: Data(stdout.utf8))) as? [String: Any] ?? [:]
        }
    }

    /// The folder holding the build products (`recall`, `recall-bench`, the test bundle).
    public static var binaryFolder: URL {
        if let override = ProcessInfo.processInfo.environment["RECALL_BIN_DIR"] {
            return URL(fileURLWithPath: override)
        }
        var url = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        while url.path != "/" {
            url = url.deletingLastPathComponent()
            if FileManager.default.isExecutableFile(atPath: url.appendingPathComponent("recall").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(".build/debug")
    }

    public static var executable: URL { binaryFolder.appendingPathComponent("recall") }

    /// The repository's root folder (where Package.swift is).
    public static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url = url.deletingLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }

    /// Runs `recall ARGS` with `--home home` prepended (when given), a fixed clock and zone unless
    /// overridden, and optional standard input; waits for it to end. Solutions it checks get
    /// `Patience.wallClockFactor` times the wall clock, unless `environment` says otherwise.
    public static func run(
        _ arguments: [String], home: String?, now: String? = "2026-11-23T10:00:00Z",
        environment: [String: String] = [:],
        stdin: String? = nil, currentDirectory: String? = nil
    ) throws -> Result {
        let process = Process()
        process.executableURL = executable
        var args = arguments
        if let home, let first = arguments.first {
            args = [first, "--home", home] + arguments.dropFirst()
        }
        process.arguments = args
        var env = ProcessInfo.processInfo.environment
        env["TZ"] = "UTC"
        env["NO_COLOR"] = "1"
        env["RECALL_WALL_CLOCK_FACTOR"] = "\(Patience.wallClockFactor)"
        if let now { env["RECALL_NOW"] = now } else { env.removeValue(forKey: "RECALL_NOW") }
        for (key, value) in environment { env[key] = value }
        process.environment = env
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        let out = Pipe()
        let err = Pipe()
        let input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try? input.fileHandleForWriting.close()
        // Read both pipes to the end before waiting, so a chatty child never blocks on a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var errData = Data()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stderr: String(decoding: errData, as: UTF8.self))
    }
}
