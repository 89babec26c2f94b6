import Foundation
import DeckFormat

/// The C++ harness: inputs are written as C++ literals (no JSON parser needed), the learner's code
/// is spliced in under `#line 1 "solution.cpp"` so compiler messages point at its lines.
enum CppHarness {
    static func make(_ exercise: Exercise, _ source: String) -> Harness {
        let useClass = Harness.definesSolutionClass(source)
        var calls = ""
        for (index, testCase) in exercise.cases.enumerated() {
            var declarations = ""
            var names: [String] = []
            for (k, (value, parameter)) in zip(testCase.input, exercise.parameters).enumerated() {
                declarations += "        \(type(parameter.type)) _a\(k) = \(literal(value, parameter.type));\n"
                names.append("_a\(k)")
            }
            let call = (useClass ? "Solution()." : "") + exercise.function + "(" + names.joined(separator: ", ") + ")"
            calls += """
                    try {
                \(declarations)        auto _r = \(call);
                        _report(\(index), "OK " + _json(_r));
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

    static func type(_ t: ValueType) -> String {
        switch t {
        case .int: return "int"
        case .double: return "double"
        case .bool: return "bool"
        case .string: return "std::string"
        case .listNode: return "ListNode*"
        case .treeNode: return "TreeNode*"
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
        default: return v.description
        }
    }
}
