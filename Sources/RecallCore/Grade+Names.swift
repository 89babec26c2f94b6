/// SM-2's six grades by name, for code that picks a grade rather than reading one (`Grade(text:)`
/// and `Grade(rawValue:)` check what comes from outside).
extension Grade {
    public static let blackout = Grade(known: 0)
    public static let wrongButFamiliar = Grade(known: 1)
    public static let wrongButEasy = Grade(known: 2)
    public static let difficult = Grade(known: 3)
    public static let hesitant = Grade(known: 4)
    public static let perfect = Grade(known: 5)

    /// Only for the constants above, whose values are in range by sight.
    private init(known value: Int) { rawValue = value }
}
