import Foundation

/// Limits on one deck file (DECK-FORMAT.md, "Limits"): a file over either is refused whole, with
/// its size, and the rest of its deck is imported.
public enum DeckLimits {
    /// Bytes in one deck file (`*.md`, `deck.yaml`, an exercise's files): 1 MiB.
    public static let maxFileBytes = 1 << 20
    /// Cards in one Markdown file.
    public static let maxCardsPerFile = 5_000
    /// Card files and exercise folders in one folder deck, and decks found under one path: a
    /// repository of millions of tiny files must not take the scan's time and memory.
    public static let maxFilesPerDeck = 10_000
    /// The most an exercise's `limits:` may ask of the code runner: a shared exercise must not
    /// keep a check running for hours, or make Recall hold gigabytes of a program's output.
    public static let maxExerciseCPUSeconds = 30.0
    public static let maxExerciseMemoryMB = 4_096
    public static let maxExerciseOutputKB = 16_384
}

/// Reads deck files without ever following a symlink: decks come from strangers, and a link to
/// `~/.ssh/…` must not turn into a card (or, written back, into a commit).
public enum DeckFile {
    public enum Failure: Error, Equatable {
        case symlink
        case notRegularFile
        case tooLarge(bytes: Int, limit: Int)
        case cannotRead(String)

        /// What is wrong, to follow the file's name.
        public var message: String {
            switch self {
            case .symlink: return "is a symlink; symlinks are not followed in decks, skipped"
            case .notRegularFile: return "is not a regular file; skipped"
            case .tooLarge(let bytes, let limit) where limit == DeckLimits.maxFileBytes:
                return "is \(bytes) bytes, over the limit of \(limit) bytes (1 MiB) per deck file; split it"
            case .tooLarge(let bytes, let limit):
                return "is \(bytes) bytes, over the limit of \(limit) bytes"
            case .cannotRead(let reason): return "cannot read: \(reason)"
            }
        }
    }

    /// True when `url` itself (its last component) is a symlink.
    static func isSymlink(_ url: URL) -> Bool {
        var info = stat()
        return lstat(url.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK
    }

    /// The first symlink on the way from `root` (excluded) down to `path`: among its folders, and
    /// `path` itself when `includingLast`. nil when there is none (or `path` is not below `root`).
    public static func firstSymlink(from root: URL, to path: URL, includingLast: Bool) -> URL? {
        let root = root.standardizedFileURL
        let path = path.standardizedFileURL
        guard path.path.hasPrefix(root.path + "/") else { return nil }
        var components = path.path.dropFirst(root.path.count + 1).split(separator: "/")
        if !includingLast { components = components.dropLast() }
        var current = root
        for component in components {
            current = current.appendingPathComponent(String(component))
            if isSymlink(current) { return current }
        }
        return nil
    }

    /// The bytes of the regular file at `url`, opened with O_NOFOLLOW so that a symlink swapped in
    /// after any earlier check is still refused, and at most `maxBytes` read (a larger file is
    /// refused from its size, before any byte is read). The code runner reads its sandbox's result
    /// file the same way.
    public static func read(_ url: URL, maxBytes: Int = DeckLimits.maxFileBytes) -> Result<[UInt8], Failure> {
        // O_NONBLOCK: opening a FIFO must not wait for a writer.
        let fd = open(url.path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else {
            let code = errno
            if code == ELOOP { return .failure(.symlink) }
            return .failure(.cannotRead(String(cString: strerror(code))))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.cannotRead(String(cString: strerror(errno)))) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notRegularFile) }
        guard Int(info.st_size) <= maxBytes else {
            return .failure(.tooLarge(bytes: Int(info.st_size), limit: maxBytes))
        }
        // One byte past the stated size: the file may have grown since fstat (checked below).
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var count = 0
        while count < bytes.count {
            let n = bytes.withUnsafeMutableBytes { buffer in
                buffer.baseAddress.map { Foundation.read(fd, $0 + count, buffer.count - count) } ?? 0
            }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(.cannotRead(String(cString: strerror(errno))))
            }
            if n == 0 { break }
            count += n
        }
        guard count <= maxBytes, count < bytes.count else {
            return .failure(.cannotRead("the file changed while it was read"))
        }
        bytes.removeSubrange(count...)
        return .success(bytes)
    }

    /// The file as UTF-8 text, without a leading byte-order mark; nil (with the reason) otherwise.
    static func readText(_ url: URL) -> Result<String, Failure> {
        read(url).flatMap { bytes in
            guard let text = String(validating: bytes, as: UTF8.self) else {
                return .failure(.cannotRead("not UTF-8 text"))
            }
            return .success(ByteOrderMark.dropped(from: text))
        }
    }
}
