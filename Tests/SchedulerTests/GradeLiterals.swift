import RecallCore

extension Grade {
    /// The grade `q` (0…5) of a test's literal; a typo stops the test run.
    static func of(_ q: Int) -> Grade {
        guard let grade = Grade(rawValue: q) else { preconditionFailure("no grade \(q)") }
        return grade
    }
}
