import Foundation
import RecallCore

/// Writes generated ids back into a deck file: ` {#id}` is appended to each given heading line and
/// nothing else in the file changes, byte for byte. The file is replaced atomically.
public enum IDWriter {
    /// `ids` maps 1-based heading lines to the id to append.
    public static func insert(ids: [Int: String], into data: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count + ids.count * 24)
        var line = 1
        var start = 0
        func flush(upTo end: Int) {
            var contentEnd = end
            if contentEnd > start, data[contentEnd - 1] == UInt8(ascii: "\r") { contentEnd -= 1 }
            out += data[start..<contentEnd]
            if let id = ids[line] { out += Array(" {#\(id)}".utf8) }
            out += data[contentEnd..<end]
        }
        for (index, byte) in data.enumerated() where byte == UInt8(ascii: "\n") {
            flush(upTo: index)
            out.append(byte)
            start = index + 1
            line += 1
        }
        if start < data.count { flush(upTo: data.count) }
        return out
    }

    /// Replaces `url`'s contents by writing a sibling temporary file and renaming it over the
    /// original, so a crash leaves either the old or the new file, never half of one. The new file
    /// keeps the old one's permission bits (0644 when there was none). A symlink, or anything else
    /// that is not a regular file, is refused: it is never written through nor replaced.
    public static func atomicWrite(_ bytes: [UInt8], to url: URL) throws {
        var mode: mode_t = 0o644
        var info = stat()
        if lstat(url.path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFREG else { throw IDWriterError.notRegularFile(url.path) }
            mode = info.st_mode & 0o7777
        } else if errno != ENOENT {
            throw IDWriterError.system(url.path, String(cString: strerror(errno)))
        }
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).recall-\(getpid()).tmp").path
        unlink(temporary)  // left by a killed run with the same pid; unlink never follows a symlink
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw IDWriterError.system(temporary, String(cString: strerror(errno))) }
        do {
            defer { close(fd) }
            var written = 0
            while written < bytes.count {
                let n = bytes.withUnsafeBytes { buffer in
                    buffer.baseAddress.map { write(fd, $0 + written, buffer.count - written) } ?? 0
                }
                if n < 0 {
                    if errno == EINTR { continue }
                    throw IDWriterError.system(temporary, String(cString: strerror(errno)))
                }
                written += n
            }
            // The umask may have narrowed the mode given to open().
            guard fchmod(fd, mode) == 0, fsync(fd) == 0 else {
                throw IDWriterError.system(temporary, String(cString: strerror(errno)))
            }
            // rename() replaces the directory entry; it never writes through a symlink there.
            guard rename(temporary, url.path) == 0 else {
                throw IDWriterError.system(url.path, String(cString: strerror(errno)))
            }
        } catch {
            unlink(temporary)
            throw error
        }
    }
}

/// Why a deck file could not be rewritten.
public enum IDWriterError: UserFacingError, Equatable {
    case notRegularFile(String)
    case system(String, String)

    public var description: String {
        switch self {
        case .notRegularFile(let path): return "\(path) is a symlink or not a regular file; not written"
        case .system(let path, let reason): return "\(path): \(reason)"
        }
    }
}
