import Foundation
import Notebook
import RecallTestSupport
import Testing

/// Limits on another device's progress file (docs/LIMITS.md); the line limit is tested through
/// `recall sync` in CLITests/InputLimitsTests.
@Suite("Progress log limits")
struct ProgressLimitsTests {
    @Test("a device file at the size limit is read; one byte more is refused by its size, before any read")
    func fileSize() throws {
        let folder = try TemporaryFolder("recall-progress-size")
        defer { folder.remove() }
        try folder.write("events/at.jsonl", String(repeating: "x", count: 9_999) + "\n")
        try folder.write("events/past.jsonl", String(repeating: "x", count: 10_000) + "\n")
        #expect(try ProgressLog.read("events/at.jsonl", in: folder.url, maxBytes: 10_000).get().count == 10_000)
        let past = ProgressLog.read("events/past.jsonl", in: folder.url, maxBytes: 10_000)
        #expect(
            past.failureDescription
                == "events/past.jsonl: is 10001 bytes, over the limit of 10000 bytes for one device's progress file; its events were not imported (Recall never writes one this large: check who pushed it)"
        )
    }

    @Test("the real limit, 512 MiB: a sparse file one byte over it is refused without being read")
    func fileSizeDefault() throws {
        #expect(ProgressLimits.maxFileBytes == 512 * 1_048_576)
        let folder = try TemporaryFolder("recall-progress-sparse")
        defer { folder.remove() }
        let url = try folder.write("events/huge.jsonl", "")
        let handle = try FileHandle(forWritingTo: url)
        try handle.truncate(atOffset: UInt64(ProgressLimits.maxFileBytes + 1))
        try handle.close()
        #expect(
            ProgressLog.read("events/huge.jsonl", in: folder.url).failureDescription?.hasPrefix(
                "events/huge.jsonl: is 536870913 bytes, over the limit of 536870912 bytes") == true)
    }

    @Test("a symlinked device file is refused, not followed")
    func symlink() throws {
        let folder = try TemporaryFolder("recall-progress-link")
        defer { folder.remove() }
        try folder.write("events/.keep", "")
        try FileManager.default.createSymbolicLink(
            atPath: folder.path + "/events/zero.jsonl", withDestinationPath: "/dev/zero")
        #expect(ProgressLog.read("events/zero.jsonl", in: folder.url).failureDescription?.contains("symlink") == true)
    }

    @Test("20 malformed lines are listed one by one; the rest are counted in one line")
    func problemsCapped() {
        let data = Data(String(repeating: "junk\n", count: 25).utf8)
        let decoded = ProgressLog.decode(data, file: "events/d.jsonl")
        #expect(decoded.problems.count == ProgressLimits.maxProblemsListed + 1)
        #expect(decoded.problems.first == "events/d.jsonl:1: not a review event of device d; the line was skipped")
        #expect(decoded.problems.last == "events/d.jsonl: 5 more malformed lines were skipped")
    }
}

extension Result {
    fileprivate var failureDescription: String? {
        if case .failure(let error) = self { return "\(error)" }
        return nil
    }
}
