import Testing

@testable import GitSync

/// Host patterns of a `known_hosts` line, as OpenSSH reads them: `*` and `?` wildcards, lists
/// separated by commas, `!` negation, patterns compared in lower case.
@Suite("known_hosts host patterns")
struct KnownHostsPatternTests {
    @Test(
        "wildcards, lists and negation",
        arguments: [
            ("example.org", "example.org", true),
            ("example.org", "EXAMPLE.org", true),
            ("example.org", "example.com", false),
            ("git.example.org", "*.example.org", true),
            ("example.org", "*.example.org", false),
            ("a.b.example.org", "*.example.org", true),
            ("host1", "host?", true),
            ("host12", "host?", false),
            ("anything", "*", true),
            ("", "*", true),
            ("abc", "a*b*c", true),
            ("ac", "a*b*c", false),
            ("mississippi", "m*iss*ppi", true),
            ("mississippi", "m*iss*ppx", false),
            ("bad.example.org", "*.example.org,!bad.example.org", false),
            ("good.example.org", "*.example.org,!bad.example.org", true),
            ("[h]", "[h]", true),
        ])
    func patterns(name: String, patterns: String, expected: Bool) {
        #expect(KnownHosts.matches(name, patterns: patterns) == expected)
    }

    // The fuzzer's input, reduced: a recursive matcher tries every way to share the text among the
    // stars, C(60, 30) of them here, and never returned. The limit only stops a hang.
    @Test("many stars against a text that does not match: answered, not a hang", .timeLimit(.minutes(1)))
    func manyStars() {
        let pattern = String(repeating: "*a", count: 30) + "b"
        #expect(!KnownHosts.matches(String(repeating: "a", count: 60), patterns: pattern))
        #expect(KnownHosts.matches(String(repeating: "a", count: 60) + "b", patterns: pattern))
    }
}
