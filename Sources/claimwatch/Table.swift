/// Aligned columns for terminals; the last column is never padded and is cut to fit.
enum Table {
    /// Widths are counted in characters, each cell once, and padding is appended spaces:
    /// a table of tens of thousands of rows (a large topic) prints in a fraction of a second.
    static func render(header: [String], rows: [[String]], maxLastColumn: Int = 70) -> String {
        let all = [header] + rows
        let last = header.count - 1
        var widths = [Int](repeating: 0, count: header.count)
        var lengths: [Int] = []
        lengths.reserveCapacity(all.count * header.count)
        for row in all {
            for (index, cell) in row.enumerated() {
                let length = cell.count
                lengths.append(length)
                if index < last { widths[index] = max(widths[index], length) }
            }
        }
        var output = ""
        output.reserveCapacity(all.count * (widths.reduce(0, +) + 2 * header.count + maxLastColumn))
        var position = 0
        for (number, row) in all.enumerated() {
            if number > 0 { output += "\n" }
            for (index, cell) in row.enumerated() {
                let length = lengths[position]
                position += 1
                if index > 0 { output += "  " }
                if index == row.count - 1 {
                    output += length > maxLastColumn ? String(cell.prefix(maxLastColumn - 1)) + "…" : cell
                } else {
                    output += cell
                    if length < widths[index] { output += String(repeating: " ", count: widths[index] - length) }
                }
            }
        }
        return output
    }
}
