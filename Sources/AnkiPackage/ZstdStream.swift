import CZstd
import Foundation

/// zstd decompression fed chunk by chunk, its output passed on chunk by chunk and counted against
/// a limit before it goes anywhere: a small frame that expands to gigabytes (a zstd bomb) stops at
/// the limit. The window a frame may ask for is capped at 2^27 bytes (128 MiB, zstd's own default
/// cap), so no frame header can make it reserve more memory than that.
final class ZstdStream {
    enum Problem: Error, Equatable {
        /// The output grew past `limit` bytes.
        case tooLarge(limit: UInt64)
        /// Not zstd, damaged, or the frame did not end where the input did.
        case damaged(String)
    }

    private let context: OpaquePointer
    private let limit: UInt64
    private(set) var produced: UInt64 = 0
    /// 0 once a frame has ended with nothing pending; zstd's hint otherwise.
    private var pending = 1
    private var output: [UInt8]

    init(limit: UInt64) throws {
        guard let context = ZSTD_createDCtx() else { throw Problem.damaged("zstd cannot start") }
        self.context = context
        self.limit = limit
        output = [UInt8](repeating: 0, count: ZSTD_DStreamOutSize())
        let status = ZSTD_DCtx_setParameter(context, ZSTD_d_windowLogMax, 27)
        if ZSTD_isError(status) != 0 {
            ZSTD_freeDCtx(context)
            throw Problem.damaged(String(cString: ZSTD_getErrorName(status)))
        }
    }

    deinit { ZSTD_freeDCtx(context) }

    /// Decompresses `chunk`, passing what it gives to `consumer`.
    func feed(_ chunk: Data, to consumer: (Data) throws -> Void) throws {
        var input = [UInt8](chunk)
        let count = input.count
        try input.withUnsafeMutableBytes { raw in
            var buffer = ZSTD_inBuffer(src: raw.baseAddress, size: count, pos: 0)
            // Runs while input is left, or while the output filled up (more may be waiting inside).
            var full = true
            while buffer.pos < buffer.size || full {
                let before = buffer.pos
                let (status, made) = output.withUnsafeMutableBytes { out in
                    var target = ZSTD_outBuffer(dst: out.baseAddress, size: out.count, pos: 0)
                    let status = ZSTD_decompressStream(context, &target, &buffer)
                    return (status, target.pos)
                }
                if ZSTD_isError(status) != 0 {
                    throw Problem.damaged(String(cString: ZSTD_getErrorName(status)))
                }
                // A call that neither read nor wrote, after a frame ended, hints at the next
                // frame's header: it says nothing about the frame just done.
                if made > 0 || buffer.pos > before { pending = status }
                full = made == output.count
                if made > 0 {
                    produced += UInt64(made)
                    if produced > limit { throw Problem.tooLarge(limit: limit) }
                    try consumer(Data(output[0..<made]))
                }
                if made == 0 && buffer.pos == buffer.size { break }
            }
        }
    }

    /// Checks that the input ended at the end of a frame (a cut-short stream is damaged).
    func finish() throws {
        guard pending == 0 else { throw Problem.damaged("the compressed data ends inside a frame") }
    }

    /// Decompresses `data` whole into memory, at most `limit` bytes: for small entries (the media map).
    static func decompress(_ data: Data, limit: UInt64) throws -> Data {
        let stream = try ZstdStream(limit: limit)
        var result = Data()
        try stream.feed(data) { result.append($0) }
        try stream.finish()
        return result
    }
}
