import Foundation
import Notebook
import Testing

@Suite("Environment: data home, clock, zone")
struct EnvironmentTests {
    @Test("--home beats RECALL_HOME beats XDG_DATA_HOME")
    func home() throws {
        let vars = ["RECALL_HOME": "/r", "XDG_DATA_HOME": "/x"]
        #expect(try RecallEnvironment.live(home: "/h", variables: vars).home.path == "/h")
        #expect(try RecallEnvironment.live(variables: vars).home.path == "/r")
        #expect(try RecallEnvironment.live(variables: ["XDG_DATA_HOME": "/x"]).home.path == "/x/recall")
    }

    @Test("RECALL_NOW without an offset is read in TZ, and study days roll over at 04:00")
    func localClock() throws {
        let late = try RecallEnvironment.live(
            variables: ["RECALL_NOW": "2026-11-24T03:30:00", "TZ": "Asia/Shanghai"])
        #expect(late.today.iso == "2026-11-23")
        let morning = try RecallEnvironment.live(
            variables: ["RECALL_NOW": "2026-11-24T04:30:00", "TZ": "Asia/Shanghai"])
        #expect(morning.today.iso == "2026-11-24")
        let shifted = try RecallEnvironment.live(
            variables: ["RECALL_NOW": "2026-11-24T03:30:00+08:00", "TZ": "UTC", "RECALL_ROLLOVER_HOUR": "0"])
        #expect(shifted.today.iso == "2026-11-23")  // 19:30 UTC on the 23rd
    }

    @Test("bad settings are refused with what was expected")
    func badSettings() {
        #expect(throws: NotebookError.badClock("soon")) {
            try RecallEnvironment.live(variables: ["RECALL_NOW": "soon"])
        }
        #expect(throws: NotebookError.self) { try RecallEnvironment.live(variables: ["RECALL_ROLLOVER_HOUR": "25"]) }
        #expect(throws: NotebookError.self) { try RecallEnvironment.live(variables: ["RECALL_NEW_PER_DAY": "-3"]) }
    }

    @Test("RECALL_NOW in UTC (`…Z`) is read exactly as ISO 8601 reads it; malformed ones are refused")
    func utcClock() throws {
        for text in ["2026-11-23T10:00:00Z", "1970-01-01T00:00:00Z", "2028-02-29T23:59:59Z", "2026-12-31T04:00:01Z"] {
            let environment = try RecallEnvironment.live(variables: ["RECALL_NOW": text, "TZ": "UTC"])
            #expect(environment.now() == (try Date.ISO8601FormatStyle().parse(text)), "\(text)")
        }
        for bad in ["2026-11-23T25:00:00Z", "2026-02-30T10:00:00Z", "2026-11-23T10:0x:00Z"] {
            #expect(throws: (any Error).self, "\(bad)") {
                _ = try RecallEnvironment.live(variables: ["RECALL_NOW": bad, "TZ": "UTC"])
            }
        }
    }
}
