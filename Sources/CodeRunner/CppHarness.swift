import Foundation
import DeckFormat

/// The C++ harness: inputs are written as C++ literals (no JSON parser needed), the learner's code
/// is spliced in under `#line 1 "solution.cpp"` so compiler messages point at its lines.
enum CppHarness {
    static func make(_ exercise: Exercise, _ source: String) -> Harness {
        let useClass = Harness.definesSolutionClass(source)
        var calls = ""
        for (index, testCase) in exercise.cases.enumerated() {
            calls += """
                    try {
                \(body(exercise, testCase, useClass: useClass))        _report(\(index), "OK " + _r);
                    } catch (const std::bad_alloc&) {
                        _report(\(index), "ERR memory \\"std::bad_alloc\\"");
                    } catch (const std::exception& e) {
                        _report(\(index), std::string("ERR exception ") + _json(std::string(e.what())));
                    } catch (...) {
                        _report(\(index), "ERR exception \\"unknown exception\\"");
                    }

                """
        }
        let lineCount = source.split(separator: "\n", omittingEmptySubsequences: false).count
        let harness = """
            #include <bits/stdc++.h>
            using namespace std;
            struct ListNode {
                int val; ListNode *next;
                ListNode() : val(0), next(nullptr) {}
                ListNode(int x) : val(x), next(nullptr) {}
                ListNode(int x, ListNode *next) : val(x), next(next) {}
            };
            struct TreeNode {
                int val; TreeNode *left; TreeNode *right;
                TreeNode() : val(0), left(nullptr), right(nullptr) {}
                TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
                TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
            };
            #line 1 "solution.cpp"
            \(source)
            #line \(lineCount + 24) "harness.cpp"
            static FILE* _out;
            static void _report(int i, const std::string& s) { fprintf(_out, "RESULT %d %s\\n", i, s.c_str()); fflush(_out); }
            static ListNode* _list(const std::vector<int>& v) { ListNode* h = nullptr; for (auto it = v.rbegin(); it != v.rend(); ++it) h = new ListNode(*it, h); return h; }
            static TreeNode* _tree(const std::vector<std::optional<int>>& v) {
                if (v.empty() || !v[0]) return nullptr;
                std::vector<TreeNode*> n; for (auto& x : v) n.push_back(x ? new TreeNode(*x) : nullptr);
                size_t k = 1; for (auto* p : n) { if (!p) continue; if (k < n.size()) p->left = n[k++]; if (k < n.size()) p->right = n[k++]; }
                return n[0];
            }
            static std::string _json(const std::string& s) {
                std::string o = "\\""; for (unsigned char c : s) { if (c == '"' || c == '\\\\') { o += '\\\\'; o += c; } else if (c < 0x20) { char b[8]; snprintf(b, sizeof b, "\\\\u%04x", c); o += b; } else o += c; } return o + "\\"";
            }
            static std::string _json(bool b) { return b ? "true" : "false"; }
            static std::string _json(char c) { return _json(std::string(1, c)); }
            // The node of `r` holding `v` (the exercise checks on load that there is one).
            static TreeNode* _node(TreeNode* r, int v) {
                std::vector<TreeNode*> s{r};
                while (!s.empty()) { auto* n = s.back(); s.pop_back(); if (!n) continue; if (n->val == v) return n; s.push_back(n->left); s.push_back(n->right); }
                return nullptr;
            }
            // A returned node is reported by its value, and only if it is a node of the tree.
            static std::string _nodeValue(TreeNode* r, TreeNode* x) {
                if (!x) return "null";
                std::vector<TreeNode*> s{r};
                while (!s.empty()) { auto* n = s.back(); s.pop_back(); if (!n) continue; if (n == x) return std::to_string(n->val); s.push_back(n->left); s.push_back(n->right); }
                return _json(std::string("a node that is not in the tree"));
            }
            // After encoding, the input is spoilt so that a decoder cannot hand it back.
            static void _poison(TreeNode* r) {
                std::vector<TreeNode*> s{r};
                while (!s.empty()) { auto* n = s.back(); s.pop_back(); if (!n) continue; n->val = -987654321; s.push_back(n->left); s.push_back(n->right); }
            }
            static void _poison(ListNode* h) { for (; h; h = h->next) h->val = -987654321; }
            template <class T> static void _poison(T&) {}
            static std::string _json(double d) {
                if (std::isnan(d)) return "NaN"; if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
                char b[40]; snprintf(b, sizeof b, "%.17g", d); std::string s = b;
                if (s.find_first_of(".e") == std::string::npos) s += ".0"; return s;
            }
            static std::string _json(float d) { return _json((double)d); }
            template <class T, typename std::enable_if<std::is_integral<T>::value && !std::is_same<T, bool>::value, int>::type = 0>
            static std::string _json(T v) { return std::to_string(v); }
            static std::string _json(ListNode* h) { std::string o = "["; int k = 0; while (h && k < 100000) { if (k++) o += ","; o += std::to_string(h->val); h = h->next; } return o + "]"; }
            static std::string _json(TreeNode* r) {
                std::vector<std::string> o; std::deque<TreeNode*> q{r};
                while (!q.empty()) { auto* p = q.front(); q.pop_front(); if (!p) { o.push_back("null"); continue; } o.push_back(std::to_string(p->val)); q.push_back(p->left); q.push_back(p->right); }
                while (!o.empty() && o.back() == "null") o.pop_back();
                std::string s = "["; for (size_t i = 0; i < o.size(); i++) { if (i) s += ","; s += o[i]; } return s + "]";
            }
            template <class T> static std::string _json(const std::vector<T>& v) {
                std::string o = "["; for (size_t i = 0; i < v.size(); i++) { if (i) o += ","; o += _json(v[i]); } return o + "]";
            }
            int main() {
                _out = fopen("results.txt", "w");
                if (!_out) return 3;
            \(calls)    return 0;
            }
            """
        return Harness(
            files: ["main.cpp": harness], compile: ["/usr/bin/g++", "-std=c++17", "-O2", "-o", "main", "main.cpp"],
            run: ["./main"], solutionName: "solution.cpp")
    }

    /// Statements that run one case and leave its JSON result in `_r`.
    static func body(_ exercise: Exercise, _ testCase: Exercise.Case, useClass: Bool) -> String {
        let indent = "        "
        if let design = exercise.design, let roundTrip = design.roundTrip, let type = exercise.parameters.first?.type {
            let c = design.className
            return """
                \(indent)\(self.type(type)) _a0 = \(literal(testCase.input[0], type));
                \(indent)\(c)* _e = new \(c)(); \(c)* _d = new \(c)();
                \(indent)std::string _s = _e->\(roundTrip.encode)(_a0);
                \(indent)_poison(_a0);
                \(indent)std::string _r = _json(_d->\(roundTrip.decode)(std::string(_s.begin(), _s.end())));

                """
        }
        if let design = exercise.design { return calls(design, testCase, indent: indent) }
        var lines = ""
        var names: [String] = []
        for (k, (value, parameter)) in zip(testCase.input, exercise.parameters).enumerated() {
            if case .nodeOf(let tree) = parameter.type,
                let index = exercise.parameters.firstIndex(where: { $0.name == tree })
            {
                lines += indent + "TreeNode* _a\(k) = _node(_a\(index), \(value.description));\n"
            } else {
                lines += indent + "\(type(parameter.type)) _a\(k) = \(literal(value, parameter.type));\n"
            }
            names.append("_a\(k)")
        }
        let call = (useClass ? "Solution()." : "") + exercise.function + "(" + names.joined(separator: ", ") + ")"
        if case .nodeOf(let tree) = exercise.returns,
            let index = exercise.parameters.firstIndex(where: { $0.name == tree })
        {
            return lines + indent + "std::string _r = _nodeValue(_a\(index), \(call));\n"
        }
        return lines + indent + "std::string _r = _json(\(call));\n"
    }

    /// A design case's calls in order: the constructor, then each method with its arguments in
    /// variables (LeetCode's C++ signatures may take references), its result as JSON or `null`.
    static func calls(_ design: Design, _ testCase: Exercise.Case, indent: String) -> String {
        guard case .array(let operations) = testCase.input[0], case .array(let argumentLists) = testCase.input[1] else {
            return ""
        }
        var lines = indent + "std::vector<std::string> _out; \(design.className)* _o = nullptr;\n"
        for (operation, arguments) in zip(operations, argumentLists) {
            guard case .string(let name) = operation, case .array(let values) = arguments else { continue }
            let method = design.method(name)
            let types = (method?.parameters ?? design.constructor).map(\.type)
            var declarations = ""
            var names: [String] = []
            for (k, (value, type)) in zip(values, types).enumerated() {
                declarations += "\(self.type(type)) _m\(k) = \(literal(value, type)); "
                names.append("_m\(k)")
            }
            let args = names.joined(separator: ", ")
            let statement: String
            if method == nil {
                statement = "_o = new \(design.className)(\(args)); _out.push_back(\"null\");"
            } else if method?.returns == nil {
                statement = "_o->\(name)(\(args)); _out.push_back(\"null\");"
            } else {
                statement = "_out.push_back(_json(_o->\(name)(\(args))));"
            }
            lines += indent + "{ " + declarations + statement + " }\n"
        }
        return lines + indent
            + "std::string _r = \"[\"; for (size_t i = 0; i < _out.size(); i++) { if (i) _r += \",\"; _r += _out[i]; } _r += \"]\";\n"
    }

    static func type(_ t: ValueType) -> String {
        switch t {
        case .int: return "int"
        case .double: return "double"
        case .bool: return "bool"
        case .string: return "std::string"
        case .char: return "char"
        case .listNode: return "ListNode*"
        case .treeNode, .nodeOf: return "TreeNode*"
        case .array(let e): return "std::vector<\(type(e))>"
        }
    }

    static func literal(_ v: Value, _ t: ValueType) -> String {
        switch (t, v) {
        case (.listNode, .array(let items)): return "_list({" + items.map(\.description).joined(separator: ", ") + "})"
        case (.treeNode, .array(let items)):
            return "_tree({"
                + items.map { $0 == .null ? "std::nullopt" : "std::optional<int>(\($0))" }.joined(separator: ", ")
                + "})"
        case (.array(let e), .array(let items)):
            return "\(type(t)){" + items.map { literal($0, e) }.joined(separator: ", ") + "}"
        case (.double, _):
            guard let d = v.number else { return "0.0" }
            if d.isNaN { return "NAN" }
            if d.isInfinite { return d > 0 ? "INFINITY" : "-INFINITY" }
            return String(format: "%.17g", d)
        case (.string, .string(let s)): return "std::string(" + Value.quote(s) + ")"
        // By its code, so that no quote or backslash needs escaping.
        case (.char, .string(let s)): return "char(\(s.unicodeScalars.first.map { $0.value } ?? 0))"
        default: return v.description
        }
    }
}
