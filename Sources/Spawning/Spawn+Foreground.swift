#if canImport(Glibc)
    import Glibc
#endif

extension Spawn {
    /// Runs the child as a shell runs a foreground command, for a program the user works in (an
    /// editor): in this process's group, which owns the terminal when a shell started us, with the
    /// terminal as it is. Meanwhile this process ignores SIGINT and SIGQUIT, as system(3) does: a
    /// Ctrl-C typed at the child is the child's to handle (it starts with both at their defaults,
    /// since `Spawn` resets every handler), and we stay alive to report how it ended.
    public func runInForeground() throws(SpawnError) -> Termination {
        var spawn = self
        spawn.processGroup = .inherit
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        sigemptyset(&ignore.sa_mask)
        var savedInterrupt = sigaction()
        var savedQuit = sigaction()
        sigaction(SIGINT, &ignore, &savedInterrupt)
        sigaction(SIGQUIT, &ignore, &savedQuit)
        defer {
            sigaction(SIGINT, &savedInterrupt, nil)
            sigaction(SIGQUIT, &savedQuit, nil)
        }
        return try spawn.run()
    }
}
