import DeckFormat

/// The Python 3 harness: the solution is compiled under its own file name (so tracebacks and syntax
/// errors point at its lines) in a namespace that provides ListNode, TreeNode and typing's names.
enum PythonHarness {
    static func make(_ exercise: Exercise, _ source: String) -> Harness {
        let types = exercise.parameters.map { Value.quote($0.type.description) }.joined(separator: ", ")
        let cases = Value.array(exercise.cases.map { .array($0.input) }).description
        let harness = """
            import json, sys, traceback
            sys.setrecursionlimit(10000)

            class ListNode:
                def __init__(self, val=0, next=None):
                    self.val = val
                    self.next = next

            class TreeNode:
                def __init__(self, val=0, left=None, right=None):
                    self.val = val
                    self.left = left
                    self.right = right

            def _build(t, v):
                if t == "ListNode":
                    head = None
                    for x in reversed(v):
                        head = ListNode(x, head)
                    return head
                if t == "TreeNode":
                    if not v or v[0] is None:
                        return None
                    nodes = [None if x is None else TreeNode(x) for x in v]
                    kids = iter(nodes[1:])
                    for node in nodes:
                        if node is None:
                            continue
                        node.left = next(kids, None)
                        node.right = next(kids, None)
                    return nodes[0]
                if t == "double":
                    return float(v)
                if t.endswith("[]"):
                    return [_build(t[:-2], x) for x in v]
                return v

            def _plain(t, r):
                if t == "ListNode":
                    out, seen = [], 0
                    while r is not None and seen < 100000:
                        out.append(r.val); r = r.next; seen += 1
                    return out
                if t == "TreeNode":
                    out, queue = [], [r]
                    while queue:
                        node = queue.pop(0)
                        if node is None:
                            out.append(None)
                        else:
                            out.append(node.val); queue.append(node.left); queue.append(node.right)
                    while out and out[-1] is None:
                        out.pop()
                    return out
                if t == "double" and isinstance(r, (int, float)) and not isinstance(r, bool):
                    return float(r)
                if t.endswith("[]") and r is not None:
                    return [_plain(t[:-2], x) for x in r]
                if hasattr(r, "tolist"):
                    return r.tolist()
                return r

            _out = open("results.txt", "w")
            def _report(line):
                _out.write(line + "\\n")
                _out.flush()

            _ns = {"ListNode": ListNode, "TreeNode": TreeNode, "__name__": "solution"}
            exec("from typing import *\\nimport math, collections, heapq, itertools, functools, bisect", _ns)
            try:
                with open("solution.py", encoding="utf-8") as f:
                    _code = compile(f.read(), "solution.py", "exec")
            except SyntaxError as e:
                _report("COMPILE " + json.dumps("solution.py:%s: %s" % (e.lineno, e.msg)))
                sys.exit(0)
            exec(_code, _ns)
            _name = \(Value.quote(exercise.function))
            if "Solution" in _ns and hasattr(_ns["Solution"], _name):
                _fn = getattr(_ns["Solution"](), _name)
            elif callable(_ns.get(_name)):
                _fn = _ns[_name]
            else:
                _report("COMPILE " + json.dumps("solution.py: no function or Solution method named " + _name))
                sys.exit(0)

            _types = [\(types)]
            _return = \(Value.quote(exercise.returns.description))
            for _i, _case in enumerate(json.loads(\(Value.quote(cases)))):
                try:
                    _args = [_build(t, v) for t, v in zip(_types, _case)]
                    _result = _plain(_return, _fn(*_args))
                    _report("RESULT %d OK %s" % (_i, json.dumps(_result)))
                except MemoryError:
                    _report("RESULT %d ERR memory %s" % (_i, json.dumps("MemoryError")))
                except RecursionError:
                    _report("RESULT %d ERR exception %s" % (_i, json.dumps("RecursionError: maximum recursion depth exceeded")))
                except Exception as e:
                    frames = [f for f in traceback.extract_tb(e.__traceback__) if f.filename == "solution.py"]
                    where = " (solution.py line %d)" % frames[-1].lineno if frames else ""
                    _report("RESULT %d ERR exception %s" % (_i, json.dumps("%s: %s%s" % (type(e).__name__, e, where))))
            """
        return Harness(
            files: ["harness.py": harness, "solution.py": source], compile: nil,
            run: ["/usr/bin/python3", "-I", "-S", "harness.py"], solutionName: "solution.py")
    }
}
