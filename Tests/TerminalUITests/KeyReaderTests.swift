import Foundation
import Testing

@testable import TerminalUI

@Suite("Key decoding")
struct KeyReaderTests {
    /// Writes `bytes` into a pipe and decodes every key the reader finds in it.
    func keys(_ bytes: [UInt8]) -> [Key] {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else { return [] }
        defer { close(fds[0]) }
        _ = bytes.withUnsafeBufferPointer { write(fds[1], $0.baseAddress, $0.count) }
        close(fds[1])
        var reader = KeyReader(fd: fds[0])
        var out: [Key] = []
        // The pipe is already closed, so poll never waits: -1 (no timeout) cannot stall.
        while let key = reader.next(timeoutMs: -1) { out.append(key) }
        return out
    }

    @Test("arrows, paging, Enter, Space, Ctrl-C, a lone Esc and multi-byte UTF-8")
    func decodes() {
        let input: [UInt8] =
            Array("\u{1B}[A\u{1B}[B\u{1B}[5~\u{1B}[6~".utf8) + [0x0D, 0x20, 0x03] + Array("q注".utf8) + [0x1B]
        #expect(
            keys(input) == [
                .up, .down, .pageUp, .pageDown, .enter, .space, .ctrl("c"), .character("q"), .character("注"), .escape,
            ])
    }

    @Test("grades and letters come through as characters")
    func characters() {
        #expect(keys(Array("05uj".utf8)) == [.character("0"), .character("5"), .character("u"), .character("j")])
    }
}
