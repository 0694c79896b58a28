/// Aligned columns for terminals; the last column is never padded and is cut to fit.
enum Table {
    static func render(header: [String], rows: [[String]], maxLastColumn: Int = 70) -> String {
        let all = [header] + rows
        var widths = [Int](repeating: 0, count: header.count)
        for row in all {
            for (index, cell) in row.enumerated() where index < header.count - 1 { widths[index] = max(widths[index], cell.count) }
        }
        return all.map { row in
            row.enumerated().map { index, cell in
                if index == row.count - 1 {
                    return cell.count > maxLastColumn ? String(cell.prefix(maxLastColumn - 1)) + "…" : cell
                }
                return cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}

import Foundation
