/// Aligned columns for people. The last column is never padded. On a terminal every line
/// fits its width: the last column (the text) gives way first, down to a readable
/// minimum, then the widest of the others; elsewhere (a pipe, a file) nothing is cut.
package enum Table {
    /// The last column keeps at least this much while others can give way, and each other
    /// column this much (or its full width, if less).
    package static let readableLastColumn = 30
    package static let narrowestColumn = 8

    /// `width` is the terminal's width, or nil when the output is not a terminal.
    /// Widths are counted in terminal columns, each cell once, and padding is appended
    /// spaces: a table of tens of thousands of rows (a large topic) prints in a fraction
    /// of a second.
    package static func render(header: [String], rows: [[String]], width: Int?) -> String {
        let all = [header] + rows
        let last = header.count - 1
        var widths = [Int](repeating: 0, count: header.count)
        var lengths: [Int] = []
        lengths.reserveCapacity(all.count * header.count)
        for row in all {
            for (index, cell) in row.enumerated() {
                let length = DisplayWidth.of(cell)
                lengths.append(length)
                widths[index] = max(widths[index], length)
            }
        }
        let limits = width.map { fit(widths, into: $0 - 2 * last) } ?? widths
        var output = ""
        output.reserveCapacity(all.count * (limits.reduce(0, +) + 2 * header.count))
        var position = 0
        for (number, row) in all.enumerated() {
            if number > 0 { output += "\n" }
            for (index, cell) in row.enumerated() {
                let length = lengths[position]
                position += 1
                if index > 0 { output += "  " }
                let limit = limits[index]
                let shown = length > limit ? DisplayWidth.prefix(cell, fitting: limit) : cell
                output += shown
                if index < row.count - 1 {
                    let used = length > limit ? DisplayWidth.of(shown) : length
                    if used < limit { output += String(repeating: " ", count: limit - used) }
                }
            }
        }
        return output
    }

    /// Column widths that add up to at most `available`, cutting the last column first
    /// (to `readableLastColumn`), then the widest others (to `narrowestColumn`), then the
    /// last again; what cannot fit even then overflows.
    static func fit(_ natural: [Int], into available: Int) -> [Int] {
        guard natural.reduce(0, +) > available, let lastNatural = natural.last else { return natural }
        var widths = natural
        let last = widths.count - 1
        let others = natural.dropLast().reduce(0, +)
        widths[last] = max(min(lastNatural, readableLastColumn), available - others)
        var excess = widths.reduce(0, +) - available
        // The widest other columns give way together, down to a common cap.
        while excess > 0 {
            let wide = (0..<last).filter { widths[$0] > narrowestColumn }
            guard let widest = wide.map({ widths[$0] }).max() else { break }
            let next = wide.map { widths[$0] }.filter { $0 < widest }.max() ?? narrowestColumn
            let atWidest = wide.filter { widths[$0] == widest }
            let step = min(widest - max(next, narrowestColumn), (excess + atWidest.count - 1) / atWidest.count)
            guard step > 0 else { break }
            for index in atWidest { widths[index] -= step }
            excess -= step * atWidest.count
        }
        if excess > 0 { widths[last] = max(narrowestColumn, widths[last] - excess) }
        return widths
    }
}
