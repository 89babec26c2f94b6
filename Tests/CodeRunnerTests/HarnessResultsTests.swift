import CodeRunner
import Testing

@Suite("HarnessResults: parsing results.txt")
struct HarnessResultsTests {
    @Test func returnedAndFailedCases() {
        let text = """
            RESULT 0 OK [1,2]
            RESULT 1 ERR exception "IndexError: list index out of range"
            RESULT 2 ERR memory "MemoryError"
            RESULT 3 ERR exception {"a":1}
            RESULT 4 ERR exception not json at all
            RESULT 5 ERR memory
            RESULT 6 OK
            """
        let results = HarnessResults.parse(text)
        #expect(results.compileFailure == nil)
        #expect(
            results.cases == [
                0: .returned(json: "[1,2]"),
                1: .failed(kind: "exception", message: "IndexError: list index out of range"),
                2: .failed(kind: "memory", message: "MemoryError"),
                3: .failed(kind: "exception", message: #"{"a":1}"#),
                4: .failed(kind: "exception", message: "not json at all"),
                5: .failed(kind: "memory", message: ""),
                6: .returned(json: ""),
            ])
    }

    @Test func linesThatAreNotResultsAreSkipped() {
        let text = """
            hello from the learner's print
            RESULT x OK 1
            RESULT 1
            RESULT 2 ERR
            result 3 OK 1
            RESULT4 OK 1
            RESULT 5 OK 5
            RESULT 5 OK 6
            """
        #expect(HarnessResults.parse(text) == HarnessResults(cases: [5: .returned(json: "6")]))
    }

    @Test func compileLineEndsTheReading() {
        let text = """
            RESULT 0 OK 1
            COMPILE "main.swift:3: error: cannot find 'x' in scope"
            RESULT 1 OK 2
            """
        let results = HarnessResults.parse(text)
        #expect(results.compileFailure?.message == "main.swift:3: error: cannot find 'x' in scope")
        #expect(results.cases == [0: .returned(json: "1")])
        #expect(HarnessResults.parse("COMPILE 42").compileFailure == .init(message: nil))
    }
}
