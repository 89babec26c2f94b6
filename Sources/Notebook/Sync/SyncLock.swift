import Foundation

/// An exclusive lock on the notebook's sync state (`<home>/sync.lock`, flock). The kernel drops it
/// when the process ends, even by SIGKILL, so a killed sync never blocks the next one; and while
/// it is held, lock files left in the clones can only be stale.
final class SyncLock {
    private let descriptor: Int32

    init(home: URL) throws {
        let path = home.appendingPathComponent("sync.lock").path
        let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw SyncError.syncRunning(lockFile: path) }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw SyncError.syncRunning(lockFile: path)
        }
        descriptor = fd
    }

    deinit {
        // Closing the descriptor releases the flock.
        close(descriptor)
    }
}
