import Foundation
import Notebook
import RecallCore
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

    @Test(
        "a file mixes grade lines (as before actions existed), action lines and retractions; another device's action is skipped"
    )
    func actionLines() {
        let text = """
            {"card":"p/c1","day":"2026-11-23","device":"d","duration_ms":0,"grade":4,"id":"d:1","kind":"review","seq":1,"ts":5}
            {"action":"suspend","card":"p/c1","day":"2026-11-23","device":"d","id":"d:2","seq":2,"ts":6}
            {"action":"bury","card":"p/c2","day":"2026-11-23","device":"e","id":"e:3","seq":3,"ts":7}
            {"action":"explode","card":"p/c2","day":"2026-11-23","device":"d","id":"d:4","seq":4,"ts":8}
            {"retracts":"d:2"}

            """
        let decoded = ProgressLog.decode(Data(text.utf8), file: "events/d.jsonl")
        #expect(decoded.events.map(\.id) == ["d:1"])
        #expect(decoded.actions.map(\.id) == ["d:2"] && decoded.actions.first?.kind == .suspend)
        #expect(decoded.retracted == ["d:2"])
        #expect(decoded.problems.map { $0.prefix(17) } == ["events/d.jsonl:3:", "events/d.jsonl:4:"])
        let action = CardAction(
            card: CardKey(deck: "p", id: "c1"), timestamp: 6, day: StudyDay(year: 2026, month: 11, day: 23),
            kind: .suspend, device: "d", seq: 2)
        #expect(ProgressLog.encode(action) == text.split(separator: "\n")[1])
    }

    @Test("20 malformed lines are listed one by one; the rest are counted in one line")
    func problemsCapped() {
        let data = Data(String(repeating: "junk\n", count: 25).utf8)
        let decoded = ProgressLog.decode(data, file: "events/d.jsonl")
        #expect(decoded.problems.count == ProgressLimits.maxProblemsListed + 1)
        #expect(
            decoded.problems.first
                == "events/d.jsonl:1: not a review event or study action of device d; the line was skipped")
        #expect(decoded.problems.last == "events/d.jsonl: 5 more malformed lines were skipped")
    }
}

extension Result {
    fileprivate var failureDescription: String? {
        if case .failure(let error) = self { return "\(error)" }
        return nil
    }
}
