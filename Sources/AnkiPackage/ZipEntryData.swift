import CZlib
import Foundation
import ZIPFoundation

/// One zip entry's stored bytes, found through the zip's own directories and read no further than
/// the entry's compressed size, and inflated here with zlib. ZIPFoundation 0.9.20 does neither:
/// its extraction on Linux inflates from the entry's start to the end of the file and, when the
/// deflate stream is cut short there (a truncated or damaged package), asks for more input forever
/// (`recall import` hung); and its inflate loop tells zlib every chunk is full-sized, so a short
/// last chunk let zlib read past it (a SEGV). Both found by Fuzz/.
struct ZipEntryData {
    enum Problem: Error {
        /// Not a zip this reader can follow (a ZIP64 field, a record out of the file).
        case unreadable
        /// The deflate stream did not end within the entry.
        case cutShort
        case unsupportedMethod(UInt16)
    }

    let handle: FileHandle
    let fileSize: UInt64
    let method: UInt16
    let compressedSize: UInt64
    let dataOffset: UInt64
    /// The CRC-32 the central directory records for the entry's uncompressed bytes.
    let checksum: CRC32

    /// The entry called `name`, from the central directory and its local header.
    init(_ name: String, in handle: FileHandle) throws {
        self.handle = handle
        fileSize = try handle.seekToEnd()
        let tailSize = min(fileSize, 65_535 + 22)
        let tail = try Self.read(handle, at: fileSize - tailSize, count: Int(tailSize))
        // The end-of-central-directory record: the last one that fits.
        guard
            let end = stride(from: tail.count - 22, through: 0, by: -1).first(where: {
                Self.u32(tail, $0) == 0x0605_4b50
            })
        else { throw Problem.unreadable }
        let directorySize = UInt64(Self.u32(tail, end + 12))
        let directoryOffset = UInt64(Self.u32(tail, end + 16))
        guard directoryOffset != 0xFFFF_FFFF, directoryOffset + directorySize <= fileSize else {
            throw Problem.unreadable
        }
        let directory = try Self.read(handle, at: directoryOffset, count: Int(directorySize))
        var record = 0
        var found: (method: UInt16, size: UInt64, header: UInt64, crc: UInt32)?
        while record + 46 <= directory.count, Self.u32(directory, record) == 0x0201_4b50 {
            let nameLength = Int(Self.u16(directory, record + 28))
            let next =
                record + 46 + nameLength + Int(Self.u16(directory, record + 30))
                + Int(Self.u16(directory, record + 32))
            guard record + 46 + nameLength <= directory.count else { break }
            if directory[(record + 46)..<(record + 46 + nameLength)].elementsEqual(name.utf8) {
                found = (
                    Self.u16(directory, record + 10), UInt64(Self.u32(directory, record + 20)),
                    UInt64(Self.u32(directory, record + 42)), Self.u32(directory, record + 16)
                )
                break
            }
            record = next
        }
        guard let found, found.size != 0xFFFF_FFFF, found.header != 0xFFFF_FFFF, found.header + 30 <= fileSize
        else { throw Problem.unreadable }
        let header = try Self.read(handle, at: found.header, count: 30)
        guard Self.u32(header, 0) == 0x0403_4b50 else { throw Problem.unreadable }
        method = found.method
        checksum = found.crc
        compressedSize = found.size
        dataOffset = found.header + 30 + UInt64(Self.u16(header, 26)) + UInt64(Self.u16(header, 28))
        guard dataOffset + compressedSize <= fileSize else { throw Problem.unreadable }
    }

    /// Passes the entry's uncompressed bytes to `consumer`; returns their CRC-32.
    func extract(consumer: (Data) throws -> Void) throws -> CRC32 {
        switch method {
        case 0:
            var crc: CRC32 = 0
            try forEachChunk { chunk in
                crc = chunk.crc32(checksum: crc)
                try consumer(chunk)
            }
            return crc
        case 8:
            return try inflate(consumer: consumer)
        default:
            throw Problem.unsupportedMethod(method)
        }
    }

    private static let chunkSize = 65_536

    /// The entry's stored bytes in chunks of at most `chunkSize`, never past the entry.
    private func forEachChunk(_ body: (Data) throws -> Void) throws {
        var position: UInt64 = 0
        while position < compressedSize {
            let count = Int(min(UInt64(Self.chunkSize), compressedSize - position))
            let chunk = try Self.read(handle, at: dataOffset + position, count: count)
            guard chunk.count == count else { throw Problem.cutShort }
            position += UInt64(count)
            try body(Data(chunk))
        }
    }

    /// Raw deflate (no zlib header, as zip stores it), fed exactly the bytes each chunk holds.
    private func inflate(consumer: (Data) throws -> Void) throws -> CRC32 {
        var stream = z_stream()
        guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Problem.unreadable
        }
        defer { inflateEnd(&stream) }
        var crc: CRC32 = 0
        var ended = false
        var output = [UInt8](repeating: 0, count: Self.chunkSize)
        try forEachChunk { chunk in
            guard !ended else { return }  // bytes after the stream's end belong to no one
            var input = [UInt8](chunk)
            try input.withUnsafeMutableBufferPointer { input in
                stream.next_in = input.baseAddress
                stream.avail_in = UInt32(input.count)
                repeat {
                    let status = output.withUnsafeMutableBufferPointer { output in
                        stream.next_out = output.baseAddress
                        stream.avail_out = UInt32(output.count)
                        return CZlib.inflate(&stream, Z_NO_FLUSH)
                    }
                    guard status == Z_OK || status == Z_STREAM_END || status == Z_BUF_ERROR else {
                        throw Problem.unreadable
                    }
                    let produced = output.count - Int(stream.avail_out)
                    if produced > 0 {
                        let bytes = Data(output[0..<produced])
                        crc = bytes.crc32(checksum: crc)
                        try consumer(bytes)
                    }
                    if status == Z_STREAM_END {
                        ended = true
                        return
                    }
                    // zlib stops when the output is full or the input is used up; only the first
                    // means it has more to give from this chunk.
                } while stream.avail_out == 0
            }
            stream.next_in = nil
        }
        guard ended else { throw Problem.cutShort }
        return crc
    }

    private static func read(_ handle: FileHandle, at offset: UInt64, count: Int) throws -> [UInt8] {
        try handle.seek(toOffset: offset)
        return [UInt8](try handle.read(upToCount: count) ?? Data())
    }

    private static func u16(_ bytes: [UInt8], _ at: Int) -> UInt16 {
        UInt16(bytes[at]) | UInt16(bytes[at + 1]) << 8
    }

    private static func u32(_ bytes: [UInt8], _ at: Int) -> UInt32 {
        UInt32(u16(bytes, at)) | UInt32(u16(bytes, at + 2)) << 16
    }
}
