#if canImport(Glibc)
    import Glibc
#endif

/// Job control for the full screen: Ctrl-Z (or any SIGTSTP) hands the terminal back to the shell
/// as it was found and stops the process; the SIGCONT of `fg` takes the screen again, and the event
/// loop, told by `takeResumed`, draws a fresh frame.
extension Terminal {
    /// Stops the process as the terminal's suspend key would (raw mode reads Ctrl-Z as a key).
    /// raise(3) signals this thread, so the handler has run, and the process been continued, by
    /// the time it returns: nothing is drawn over the shell meanwhile.
    public func suspend() {
        raise(SIGTSTP)
    }

    /// Whether the process was continued after a stop since the last call: the screen was cleared
    /// then and needs a whole frame.
    public func takeResumed() -> Bool {
        let state = TerminalState.restoring
        guard state.pointee.resumed != 0 else { return false }
        state.pointee.resumed = 0
        return true
    }
}

extension TerminalState {
    /// Both handlers do only async-signal-safe work (sigaction, sigprocmask, raise, tcsetattr,
    /// write) on memory filled in before they are installed.
    static func installSuspendHandlers() {
        installStopHandler()
        var resume = sigaction()
        resume.__sigaction_handler.sa_handler = { _ in
            let state = TerminalState.restoring
            // Nothing to take back while an editor has the terminal, or after the screen ended.
            guard state.pointee.active != 0 else { return }
            _ = tcsetattr(state.pointee.input, TCSAFLUSH, &state.pointee.raw)
            _ = Glibc.write(state.pointee.output, state.pointee.enter, state.pointee.enterCount)
            state.pointee.resumed = 1
        }
        sigemptyset(&resume.sa_mask)
        resume.sa_flags = 0
        sigaction(SIGCONT, &resume, nil)
    }

    static func installStopHandler() {
        var stop = sigaction()
        stop.__sigaction_handler.sa_handler = { _ in
            if TerminalState.restoring.pointee.active != 0 { TerminalState.restore() }
            // Stop for real: the default action, unblocked inside this handler. The process halts
            // in raise(3) and goes on from there when continued (the SIGCONT handler runs first).
            var byDefault = sigaction()
            byDefault.__sigaction_handler.sa_handler = SIG_DFL
            sigemptyset(&byDefault.sa_mask)
            sigaction(SIGTSTP, &byDefault, nil)
            var only = sigset_t()
            sigemptyset(&only)
            sigaddset(&only, SIGTSTP)
            sigprocmask(SIG_UNBLOCK, &only, nil)
            raise(SIGTSTP)
            TerminalState.installStopHandler()
        }
        sigemptyset(&stop.sa_mask)
        stop.sa_flags = 0
        sigaction(SIGTSTP, &stop, nil)
    }
}
