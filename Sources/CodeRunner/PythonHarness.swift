import DeckFormat

/// The Python 3 harness: the solution is compiled under its own file name (so tracebacks and syntax
/// errors point at its lines) in a namespace that provides ListNode, TreeNode and typing's names.
enum PythonHarness {
    static func make(_ exercise: Exercise, _ source: String) -> Harness {
        let types = exercise.parameters.map { Value.quote($0.type.description) }.joined(separator: ", ")
        let cases = Value.array(exercise.cases.map { .array($0.input) }).description
        // Parameters of type `TreeNode in PARAM` name the index of PARAM; -1 for the others.
        func treeIndex(_ type: ValueType) -> Int {
            guard case .nodeOf(let tree) = type else { return -1 }
            return exercise.parameters.firstIndex { $0.name == tree } ?? -1
        }
        let refs = exercise.parameters.map { String(treeIndex($0.type)) }.joined(separator: ", ")
        let returnRef = treeIndex(exercise.returns)
        let design = exercise.design.map(pythonDesign) ?? "None"
        let harness = """
            import json, os, sys, traceback
            sys.setrecursionlimit(10000)
            # numpy is Debian's python3-numpy (-S leaves dist-packages off the path); one BLAS thread,
            # since the sandbox counts threads as processes.
            os.environ["OPENBLAS_NUM_THREADS"] = "1"
            sys.path.append("/usr/lib/python3/dist-packages")

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
                    return _plain(t, r.tolist())
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
            _design = \(design)
            if _design is not None:
                if not isinstance(_ns.get(_name), type):
                    _report("COMPILE " + json.dumps("solution.py: no class named " + _name))
                    sys.exit(0)
                _fn = _ns[_name]
            elif "Solution" in _ns and hasattr(_ns["Solution"], _name):
                _fn = getattr(_ns["Solution"](), _name)
            elif callable(_ns.get(_name)):
                _fn = _ns[_name]
            else:
                _report("COMPILE " + json.dumps("solution.py: no function or Solution method named " + _name))
                sys.exit(0)

            def _node(root, val):
                # The node of `root` holding `val` (the exercise checks on load that there is one).
                stack = [root]
                while stack:
                    n = stack.pop()
                    if n is not None:
                        if n.val == val:
                            return n
                        stack += [n.left, n.right]
                return None

            def _node_value(root, r):
                # A returned node is reported by its value, and only if it is a node of the tree.
                if r is None:
                    return None
                stack = [root]
                while stack:
                    n = stack.pop()
                    if n is r:
                        return n.val
                    if n is not None:
                        stack += [n.left, n.right]
                return "a node that is not in the tree"

            def _poison(t, v):
                # After encoding, the input is spoilt so that a decoder cannot hand it back.
                if t in ("ListNode", "TreeNode"):
                    stack = [v]
                    while stack:
                        n = stack.pop()
                        if n is not None:
                            n.val = -987654321
                            stack += [n.next] if t == "ListNode" else [n.left, n.right]
                elif isinstance(v, list):
                    v.clear()

            def _call(args):
                if _design is None:
                    built = [_build(t, v) for t, v in zip(_types, args)]
                    for k, ref in enumerate(_refs):
                        if ref >= 0:
                            built[k] = _node(built[ref], args[k])
                    r = _fn(*built)
                    return _node_value(built[_return_ref], r) if _return_ref >= 0 else _plain(_return, r)
                if "round_trip" in _design:
                    encode, decode = _design["round_trip"]
                    value = _build(_types[0], args[0])
                    text = getattr(_fn(), encode)(value)
                    if not isinstance(text, str):
                        raise TypeError("%s must return a str, not %s" % (encode, type(text).__name__))
                    _poison(_types[0], value)
                    return _plain(_return, getattr(_fn(), decode)("".join(list(text))))
                ops, arguments = args
                obj, out = None, []
                for op, values in zip(ops, arguments):
                    if obj is None:
                        obj = _fn(*[_build(t, v) for t, v in zip(_design["constructor"], values)])
                        out.append(None)
                        continue
                    types, returns = _design["methods"][op]
                    r = getattr(obj, op)(*[_build(t, v) for t, v in zip(types, values)])
                    out.append(None if returns is None else _plain(returns, r))
                return out

            _types = [\(types)]
            _refs = [\(refs)]
            _return = \(Value.quote(exercise.returns.description))
            _return_ref = \(returnRef)
            for _i, _case in enumerate(json.loads(\(Value.quote(cases)))):
                try:
                    _result = _call(_case)
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

    /// The class's signatures as a Python literal: constructor types, and per method its parameter
    /// types and return type (None for void); or the round trip's method names.
    static func pythonDesign(_ design: Design) -> String {
        func types(_ parameters: [Exercise.Parameter]) -> String {
            "[" + parameters.map { Value.quote($0.type.description) }.joined(separator: ", ") + "]"
        }
        let methods = design.methods.map {
            Value.quote($0.name) + ": (" + types($0.parameters) + ", "
                + ($0.returns.map { Value.quote($0.description) } ?? "None") + ")"
        }
        var fields = [
            "\"constructor\": " + types(design.constructor), "\"methods\": {" + methods.joined(separator: ", ") + "}",
        ]
        if let roundTrip = design.roundTrip {
            fields.append("\"round_trip\": (\(Value.quote(roundTrip.encode)), \(Value.quote(roundTrip.decode)))")
        }
        return "{" + fields.joined(separator: ", ") + "}"
    }
}
