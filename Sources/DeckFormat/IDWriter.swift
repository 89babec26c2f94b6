import Foundation

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
    /// original, so a crash leaves either the old or the new file, never half of one.
    public static func atomicWrite(_ bytes: [UInt8], to url: URL) throws {
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).recall-\(getpid()).tmp")
        let attributes = try? FileManager.default.attributesOfItem(atPath: url.path)
        do {
            try Data(bytes).write(to: temporary)
            if let permissions = attributes?[.posixPermissions] {
                try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
            guard rename(temporary.path, url.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}
