import Foundation
import RecallCore
import Testing

@Suite struct StudyDayISOTests {
    @Test("iso is YYYY-MM-DD, zero-padded, and reads back to the same day")
    func isoRoundTrip() throws {
        for ordinal in stride(from: -719_000, through: 2_900_000, by: 997) {
            let day = StudyDay(ordinal: ordinal)
            let c = day.components
            #expect(day.iso == String(format: "%04d-%02d-%02d", c.year, c.month, c.day))
            #expect(StudyDay(iso: day.iso) == day)
        }
        #expect(StudyDay(ordinal: 0).iso == "1970-01-01")
    }
}
