/// Small Unicode charts for the terminal: block bars and a calendar heatmap. Pure string functions;
/// the caller decides on colour (NO_COLOR, not a TTY) and width.
public enum Charts {
    static let eighths: [Character] = [" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
    static let shades: [Character] = ["·", "░", "▒", "▓", "█"]

    /// One column per value, `height` rows of block characters, tallest value reaching the top.
    public static func columns(_ values: [Int], height: Int = 4) -> [String] {
        let top = max(values.max() ?? 0, 1)
        let rows = max(height, 1)
        return (0..<rows).reversed().map { row in
            String(
                values.map { value -> Character in
                    let filled = value * rows * 8 / top - row * 8
                    if value > 0 && row == 0 && filled <= 0 { return eighths[1] }
                    return eighths[min(max(filled, 0), 8)]
                })
        }
    }

    /// A horizontal bar of `value` out of `maximum`, `width` cells wide, in eighths of a cell.
    public static func bar(_ value: Int, of maximum: Int, width: Int) -> String {
        guard maximum > 0, width > 0 else { return "" }
        let eighthsFilled = value * width * 8 / maximum
        var text = String(repeating: "█", count: eighthsFilled / 8)
        if eighthsFilled % 8 > 0 { text.append(["▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighthsFilled % 8 - 1]) }
        return text
    }

    /// A calendar heatmap: seven rows (days of the week), one column per week, oldest on the left.
    /// `counts` are per day, oldest first; `firstWeekday` is the 0–6 row of the first day.
    /// `colour` wraps each cell with ANSI green shades when true.
    public static func heatmap(_ counts: [Int], firstWeekday: Int, colour: Bool) -> [String] {
        let top = max(counts.max() ?? 0, 1)
        var grid = Array(repeating: [String](), count: 7)
        let padded = Array(repeating: -1, count: firstWeekday) + counts
        for (index, count) in padded.enumerated() {
            let cell: String
            if count < 0 {
                cell = " "
            } else {
                let level = count == 0 ? 0 : 1 + (count - 1) * 4 / top
                let glyph = String(shades[min(level, 4)])
                cell =
                    colour && level > 0 ? "\u{1B}[38;5;\([22, 28, 34, 40, 46][min(level, 4)])m\(glyph)\u{1B}[0m" : glyph
            }
            grid[index % 7].append(cell)
        }
        return grid.map { $0.joined() }
    }
}
