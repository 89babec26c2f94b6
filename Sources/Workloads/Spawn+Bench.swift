import Spawning

extension Spawn {
    /// Runs a program with stdout and stderr discarded and waits for it; its status as a shell
    /// reports it (128 + the signal when one ended it).
    static func runQuietly(_ path: String, _ arguments: [String], environment: [String: String]) throws -> Int32 {
        var spawn = Spawn(path, arguments, environment: environment)
        spawn.stdout = .null
        spawn.stderr = .null
        do { return try spawn.run().shellStatus } catch { throw BenchError.spawn(error.description) }
    }

    /// What a program prints on stdout (stderr discarded), or nil when it cannot be started.
    static func standardOutput(_ path: String, _ arguments: [String]) -> String? {
        var spawn = Spawn(path, arguments)
        spawn.stdin = .null
        spawn.stderr = .null
        return try? spawn.output().stdout
    }
}
