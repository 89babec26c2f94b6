/// A LeetCode design problem: a class the cases construct and call (`LRUCache`, `MinStack`), or a
/// codec whose two methods must round-trip a value (`Codec`'s `serialize`/`deserialize`).
public struct Design: Sendable {
    public struct Method: Sendable {
        public var name: String
        public var parameters: [Exercise.Parameter]
        /// nil for `void`: the case expects `null` for the call.
        public var returns: ValueType?
    }

    /// The class the solution defines.
    public var className: String
    public var constructor: [Exercise.Parameter]
    public var methods: [Method]
    /// The names of the encoding and decoding methods, when the cases check a round trip instead of
    /// a sequence of calls.
    public var roundTrip: (encode: String, decode: String)?

    public func method(_ name: String) -> Method? { methods.first { $0.name == name } }

    /// Why a case of calls (`input: [operations, arguments]`, `expected: results`) does not fit the
    /// class's signatures, or nil when it does: every case is checked on load.
    func mismatch(input: [Value], expected: Value) -> String? {
        guard input.count == 2, case .array(let operations) = input[0], case .array(let arguments) = input[1] else {
            return "`input` must be [operations, arguments], e.g. [[\"\(className)\", …], [[…], …]]"
        }
        guard case .array(let results) = expected else { return "`expected` must be the list of results" }
        guard operations.count == arguments.count, operations.count == results.count else {
            return "\(operations.count) operations, \(arguments.count) argument lists and \(results.count) results"
        }
        guard operations.first == .string(className) else { return "the first operation must be \(className)" }
        for (index, (operation, (argument, result))) in zip(operations, zip(arguments, results)).enumerated() {
            guard case .string(let name) = operation, case .array(let values) = argument else {
                return "operation \(index + 1): a name and a list of arguments"
            }
            let parameters: [Exercise.Parameter]
            let returns: ValueType?
            if index == 0 {
                (parameters, returns) = (constructor, nil)
            } else if name == className {
                return "operation \(index + 1): \(className) is constructed only once, first"
            } else if let method = method(name) {
                (parameters, returns) = (method.parameters, method.returns)
            } else {
                return "operation \(index + 1): \(className) has no method '\(name)' in `methods:`"
            }
            guard values.count == parameters.count else {
                return "operation \(index + 1) (\(name)): \(values.count) arguments for \(parameters.count) parameters"
            }
            for (value, parameter) in zip(values, parameters) where !parameter.type.accepts(value) {
                return "operation \(index + 1) (\(name)): \(value) is not a \(parameter.type) (\(parameter.name))"
            }
            if let returns {
                guard returns.accepts(result) else {
                    return "operation \(index + 1) (\(name)): result \(result) is not a \(returns)"
                }
            } else if result != .null {
                return "operation \(index + 1) (\(name)): returns nothing, so its result must be null"
            }
        }
        return nil
    }
}
