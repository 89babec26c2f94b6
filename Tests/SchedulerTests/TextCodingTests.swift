import Foundation
import RecallCore
import Testing

@Suite("Card keys and study days as JSON strings")
struct TextCodingTests {
    @Test func roundTrip() throws {
        let key = try #require(CardKey("llm-interview/lora-principle"))
        let day = StudyDay(year: 2026, month: 11, day: 23)
        let data = try JSONEncoder().encode([key.description: day])
        #expect(String(decoding: data, as: UTF8.self) == #"{"llm-interview\/lora-principle":"2026-11-23"}"#)
        #expect(try JSONDecoder().decode(CardKey.self, from: Data(#""llm-interview/lora-principle""#.utf8)) == key)
        #expect(try JSONDecoder().decode(StudyDay.self, from: Data(#""2026-11-23""#.utf8)) == day)
        #expect(String(decoding: try JSONEncoder().encode(key), as: UTF8.self) == #""llm-interview\/lora-principle""#)
    }

    @Test func malformedTextSaysWhatWasExpected() {
        for (json, expected) in [(#""no slash""#, "not a card key: no slash"), ("42", "")] {
            do {
                _ = try JSONDecoder().decode(CardKey.self, from: Data(json.utf8))
                Issue.record("decoded \(json)")
            } catch DecodingError.dataCorrupted(let context) {
                #expect(context.debugDescription == expected)
            } catch {
                #expect(expected.isEmpty)  // not a string at all: the container's own type mismatch
            }
        }
        do {
            _ = try JSONDecoder().decode(StudyDay.self, from: Data(#""2026-13-45""#.utf8))
            Issue.record("decoded a month 13")
        } catch DecodingError.dataCorrupted(let context) {
            #expect(context.debugDescription == "not a YYYY-MM-DD date: 2026-13-45")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
