import RecallCore

/// A card's schedule in the JSON documents of `show` and `undo`.
struct ScheduleReport: Encodable {
    var ef: Double
    var repetitions, interval, lapses: Int
    var due: String

    init(_ state: CardState) {
        ef = state.ef
        repetitions = state.repetitions
        interval = state.interval
        lapses = state.lapses
        due = state.due.iso
    }
}

/// An optional field written as `null` when absent (the synthesized encoding leaves it out), for
/// documents whose readers rely on the key being there.
@propertyWrapper
struct NullWhenAbsent<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) { self.wrappedValue = wrappedValue }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let wrappedValue { try container.encode(wrappedValue) } else { try container.encodeNil() }
    }
}
