import CodeRunner
import DeckFormat
import Foundation
import RecallTestSupport
import Testing

/// What LeetCode problems need from the harnesses, each in all three languages in the real
/// sandbox: design classes, `char`, `ListNode[]`, tree node references, round trips, numpy.
@Suite("Harness features")
struct HarnessFeatureTests {
    /// Loads `yaml` as an exercise from a temporary folder, runs `body` with it, removes the folder.
    func with<T>(_ yaml: String, _ body: (Exercise) throws -> T) throws -> T {
        let folder = try TemporaryFolder("recall-feature")
        defer { folder.remove() }
        // The folder's random name is no valid id.
        try folder.write("exercise.yaml", (yaml.hasPrefix("id:") ? "" : "id: feature\n") + yaml)
        try folder.write("prompt.md", "Do it.\n")
        return try body(try Exercise.load(folder: folder.url))
    }

    /// The message of the issue loading `yaml` raises, or nil when it loads.
    func loadIssue(_ yaml: String) throws -> String? {
        do {
            return try with(yaml) { _ in nil }
        } catch let issue as DeckIssue {
            return issue.description
        }
    }

    func verdicts(_ exercise: Exercise, _ sources: [Language: String]) throws -> [Language: String] {
        var out: [Language: String] = [:]
        for (language, source) in sources {
            let report = try Checker.patient().check(exercise, source: source, language: language)
            out[language] =
                "\(report.verdict)" + (report.verdict == .accepted ? "" : " \(report.message ?? "") \(report.cases)")
        }
        return out
    }

    static let counter = """
        id: counter
        class: Counter
        constructor: [{name: start, type: int}]
        methods:
          add: {params: [{name: n, type: int}], returns: void}
          get: {params: [], returns: int}
          name: {returns: string}
        cases:
          - {name: a, input: [["Counter", "add", "get", "add", "get", "name"], [[5], [2], [], [3], [], []]], expected: [null, null, 7, null, 10, "c10"]}
          - {name: b, input: [["Counter", "get"], [[-1], []]], expected: [null, -1], hidden: true}

        """

    @Test("design: the constructor and methods are called in order; void methods give null")
    func design() throws {
        let right: [Language: String] = [
            .python: """
            class Counter:
                def __init__(self, start: int):
                    self.total = start
                def add(self, n: int) -> None:
                    self.total += n
                def get(self) -> int:
                    return self.total
                def name(self) -> str:
                    return "c%d" % self.total
            """,
            .swift: """
            class Counter {
                var total: Int
                init(_ start: Int) { total = start }
                func add(_ n: Int) { total += n }
                func get() -> Int { total }
                func name() -> String { "c\\(total)" }
            }
            """,
            .cpp: """
            class Counter {
                int total;
            public:
                Counter(int start) : total(start) {}
                void add(int n) { total += n; }
                int get() { return total; }
                string name() { return "c" + to_string(total); }
            };
            """,
        ]
        try with(Self.counter) { exercise in
            #expect(exercise.design?.className == "Counter")
            for (language, verdict) in try verdicts(exercise, right) { #expect(verdict == "accepted", "\(language)") }
            let forgetful =
                "class Counter:\n    def __init__(self, start): self.s = start\n"
                + "    def add(self, n): pass\n    def get(self): return self.s\n    def name(self): return 'c'\n"
            let report = try Checker.patient().check(exercise, source: forgetful, language: .python)
            #expect(report.verdict == .wrongAnswer)
            #expect(report.cases.first?.actual == "[null,null,5,null,5,\"c\"]")
        }
    }

    @Test("design: a case that does not fit the declared methods is refused on load")
    func designChecked() throws {
        func issue(_ input: String, _ expected: String) throws -> String? {
            try loadIssue(
                Self.counter.components(separatedBy: "cases:")[0]
                    + "cases:\n  - {name: x, input: \(input), expected: \(expected)}\n")
        }
        let unknown = try issue("[[\"Counter\", \"reset\"], [[1], []]]", "[null, null]")
        #expect(unknown?.contains("no method 'reset'") == true, "\(unknown ?? "loaded")")
        let arity = try issue("[[\"Counter\", \"add\"], [[1], []]]", "[null, null]")
        #expect(arity?.contains("0 arguments for 1 parameters") == true, "\(arity ?? "loaded")")
        let voidResult = try issue("[[\"Counter\", \"add\"], [[1], [2]]]", "[null, 3]")
        #expect(voidResult?.contains("returns nothing") == true, "\(voidResult ?? "loaded")")
        let first = try issue("[[\"get\"], [[]]]", "[1]")
        #expect(first?.contains("first operation must be Counter") == true, "\(first ?? "loaded")")
        let count = try issue("[[\"Counter\", \"get\"], [[1], []]]", "[null]")
        #expect(count?.contains("2 operations, 2 argument lists and 1 results") == true, "\(count ?? "loaded")")
    }

    @Test("char: one ASCII character in a string, Character in Swift, char in C++; char[][] grids")
    func char() throws {
        let yaml = """
            function: mark
            params: [{name: grid, type: "char[][]"}, {name: c, type: char}]
            returns: "char[][]"
            cases:
              - {input: [[["1", "0"], ["0", "1"]], "x"], expected: [["x", "0"], ["0", "1"]]}
              - {input: [[["'"]], "\\\\"], expected: [["\\\\"]]}
              - {input: [[["a", "\\""]], "'"], expected: [["'", "\\""]]}

            """
        let right: [Language: String] = [
            .python: "class Solution:\n    def mark(self, grid, c):\n        grid[0][0] = c\n        return grid\n",
            .swift: """
            class Solution {
                func mark(_ grid: [[Character]], _ c: Character) -> [[Character]] {
                    var g = grid
                    g[0][0] = c
                    return g
                }
            }
            """,
            .cpp: """
            class Solution {
            public:
                vector<vector<char>> mark(vector<vector<char>>& grid, char c) { grid[0][0] = c; return grid; }
            };
            """,
        ]
        try with(yaml) { exercise in
            for (language, verdict) in try verdicts(exercise, right) { #expect(verdict == "accepted", "\(language)") }
        }
        let long = try loadIssue(yaml.replacingOccurrences(of: "\"x\"]", with: "\"xy\"]"))
        #expect(long?.contains("is not a char") == true, "\(long ?? "loaded")")
    }

    @Test("ListNode[]: a list of linked lists, empty ones included")
    func listNodes() throws {
        let yaml = """
            function: lengths
            params: [{name: lists, type: "ListNode[]"}]
            returns: "int[]"
            cases:
              - {input: [[[1, 2, 3], [], [4]]], expected: [3, 0, 1]}
              - {input: [[]], expected: []}

            """
        let right: [Language: String] = [
            .python: """
            def lengths(lists):
                out = []
                for node in lists:
                    n = 0
                    while node:
                        n, node = n + 1, node.next
                    out.append(n)
                return out
            """,
            .swift: """
            func lengths(_ lists: [ListNode?]) -> [Int] {
                lists.map { var n = 0; var p = $0; while let q = p { n += 1; p = q.next }; return n }
            }
            """,
            .cpp: """
            vector<int> lengths(vector<ListNode*>& lists) {
                vector<int> out;
                for (auto* p : lists) { int n = 0; for (; p; p = p->next) n++; out.push_back(n); }
                return out;
            }
            """,
        ]
        try with(yaml) { exercise in
            for (language, verdict) in try verdicts(exercise, right) { #expect(verdict == "accepted", "\(language)") }
        }
    }

    static let nodeYAML = """
        function: keep
        params: [{name: root, type: TreeNode}, {name: p, type: TreeNode in root}]
        returns: TreeNode in root
        cases:
          - {input: [[3, 5, 1, null, 6], 5], expected: 5}
          - {input: [[3, 5, 1, null, 6], 6], expected: 6}

        """

    @Test("TreeNode in root: a case names nodes of the tree by value; a returned node must be one of them")
    func nodeReferences() throws {
        let right: [Language: String] = [
            .python: "class Solution:\n    def keep(self, root, p):\n        return p\n",
            .swift: "class Solution {\n    func keep(_ root: TreeNode?, _ p: TreeNode?) -> TreeNode? { p }\n}\n",
            .cpp: "class Solution {\npublic:\n    TreeNode* keep(TreeNode* root, TreeNode* p) { return p; }\n};\n",
        ]
        try with(Self.nodeYAML) { exercise in
            for (language, verdict) in try verdicts(exercise, right) { #expect(verdict == "accepted", "\(language)") }
            // A node of the same value that is not in the tree is not the answer.
            let copy = "class Solution:\n    def keep(self, root, p):\n        return TreeNode(p.val)\n"
            let report = try Checker.patient().check(exercise, source: copy, language: .python)
            #expect(report.verdict == .wrongAnswer)
            #expect(report.cases.first?.actual == "\"a node that is not in the tree\"")
        }
        let missing = try loadIssue(Self.nodeYAML.replacingOccurrences(of: "6], 6]", with: "6], 7]"))
        #expect(missing?.contains("exactly one node of root (found 0)") == true, "\(missing ?? "loaded")")
        let noTree = try loadIssue(Self.nodeYAML.replacingOccurrences(of: "TreeNode in root}", with: "TreeNode in q}"))
        #expect(noTree?.contains("'q' must be an earlier TreeNode parameter") == true, "\(noTree ?? "loaded")")
    }

    static let codecYAML = """
        class: Codec
        methods:
          serialize: {params: [{name: head, type: ListNode}], returns: string}
          deserialize: {params: [{name: data, type: string}], returns: ListNode}
        round_trip: [serialize, deserialize]
        cases:
          - {input: [[1, 2, 3]], expected: [1, 2, 3]}
          - {input: [[]], expected: []}

        """

    @Test("round trip: decode(encode(x)) must give x back, from a string, not from the input itself")
    func roundTrip() throws {
        let right: [Language: String] = [
            .python: """
            class Codec:
                def serialize(self, head):
                    out = []
                    while head:
                        out.append(str(head.val))
                        head = head.next
                    return ",".join(out)
                def deserialize(self, data):
                    head = None
                    for x in reversed(data.split(",") if data else []):
                        head = ListNode(int(x), head)
                    return head
            """,
            .swift: """
            class Codec {
                func serialize(_ head: ListNode?) -> String {
                    var out: [String] = []; var p = head
                    while let q = p { out.append(String(q.val)); p = q.next }
                    return out.joined(separator: ",")
                }
                func deserialize(_ data: String) -> ListNode? {
                    var head: ListNode? = nil
                    for x in data.split(separator: ",").reversed() { head = ListNode(Int(x)!, head) }
                    return head
                }
            }
            """,
            .cpp: """
            class Codec {
            public:
                string serialize(ListNode* head) {
                    string s; for (; head; head = head->next) s += to_string(head->val) + ",";
                    return s;
                }
                ListNode* deserialize(string data) {
                    vector<int> v; stringstream in(data); string x;
                    while (getline(in, x, ',')) v.push_back(stoi(x));
                    ListNode* h = nullptr; for (int i = (int)v.size() - 1; i >= 0; i--) h = new ListNode(v[i], h);
                    return h;
                }
            };
            """,
        ]
        // Each hands the input itself across, as state of the program rather than in the string.
        let cheats: [Language: String] = [
            .python: """
            class Codec:
                kept = None
                def serialize(self, head):
                    Codec.kept = head
                    return ""
                def deserialize(self, data):
                    return Codec.kept
            """,
            .swift: """
            var kept: ListNode? = nil
            class Codec {
                func serialize(_ head: ListNode?) -> String { kept = head; return "" }
                func deserialize(_ data: String) -> ListNode? { kept }
            }
            """,
            .cpp: """
            static ListNode* kept = nullptr;
            class Codec {
            public:
                string serialize(ListNode* head) { kept = head; return ""; }
                ListNode* deserialize(string data) { return kept; }
            };
            """,
        ]
        try with(Self.codecYAML) { exercise in
            #expect(exercise.design?.roundTrip?.encode == "serialize")
            for (language, verdict) in try verdicts(exercise, right) { #expect(verdict == "accepted", "\(language)") }
            for (language, verdict) in try verdicts(exercise, cheats) {
                #expect(verdict.hasPrefix("wrongAnswer"), "\(language): \(verdict)")
            }
            let notText =
                "class Codec:\n    def serialize(self, head): return head\n    def deserialize(self, d): return d\n"
            let report = try Checker.patient().check(exercise, source: notText, language: .python)
            #expect(report.verdict == .runtimeError, "\(report.verdict)")
            #expect(report.message?.contains("serialize must return a str") == true, "\(report.message ?? "")")
        }
        let notString = try loadIssue(
            Self.codecYAML.replacingOccurrences(of: "returns: string", with: "returns: int"))
        #expect(
            notString?.contains("round_trip: serialize takes one value and returns a string") == true,
            "\(notString ?? "loaded")")
    }

    @Test("numpy is importable in the sandbox; numpy arrays and scalars are taken as lists and numbers")
    func numpy() throws {
        let exercise = try Exercise.load(
            folder: RecallProcess.repositoryRoot.appendingPathComponent("Decks/coding/scaled-dot-product-attention"))
        let solution = """
            import numpy as np

            class Solution:
                def attention(self, q, k, v):
                    q, k, v = np.array(q), np.array(k), np.array(v)
                    scores = q @ k.T / np.sqrt(k.shape[1])
                    w = np.exp(scores - scores.max(axis=1, keepdims=True))
                    return (w / w.sum(axis=1, keepdims=True)) @ v
            """
        let report = try Checker.patient().check(exercise, source: solution, language: .python)
        #expect(report.verdict == .accepted, "\(report.message ?? "") \(report.cases)")
        #expect(report.sandboxed)
        let scalars = try with(
            """
            function: f
            params: [{name: x, type: "double[]"}]
            returns: "double[]"
            cases:
              - {input: [[1, 2]], expected: [3.0, 1.5]}

            """
        ) { exercise in
            try Checker.patient().check(
                exercise,
                source: "import numpy as np\ndef f(x):\n    a = np.array(x, dtype=np.float32)\n"
                    + "    return [a.sum(), np.float64(a.mean())]\n", language: .python)
        }
        #expect(scalars.verdict == .accepted, "\(scalars.message ?? "") \(scalars.cases)")
    }
}
