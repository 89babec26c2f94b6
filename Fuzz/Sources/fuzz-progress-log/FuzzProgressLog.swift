import Foundation
import FuzzSupport
import Notebook

/// Another device's progress file (`events/<device>.jsonl`, Sync/README.md) through
/// `ProgressLog.decode(_:file:)`, as `recall sync` reads it. Properties: never traps; only the
/// file's own device's events and retractions are taken; every non-empty line is an event, a
/// retraction or a reported problem; each event taken encodes to a line that decodes to itself.
let device = "3f9a0c1e"
let file = "events/\(device).jsonl"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzProgressLog(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = Data(fuzzBytes(data, size))
    let decoded = ProgressLog.decode(bytes, file: file)
    let lines = bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).filter { !$0.isEmpty }
    require(decoded.events.count + decoded.problems.count <= lines.count, "more results than lines")
    require(
        decoded.events.count + decoded.problems.count + decoded.retracted.count >= min(lines.count, 1),
        "a line was neither taken nor reported")
    for retracted in decoded.retracted { require(retracted.hasPrefix(device + ":"), "took retraction \(retracted)") }
    for event in decoded.events {
        require(event.device == device && event.seq > 0, "took an event of \(event.device) seq \(event.seq)")
        let line = ProgressLog.encode(event)
        let again = ProgressLog.decode(Data(line.utf8), file: file)
        require(again.events == [event] && again.problems.isEmpty, "event does not survive encoding: \(line)")
    }
    return 0
}

@_cdecl("fuzz_progress_log_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzzProgressLog)
}
