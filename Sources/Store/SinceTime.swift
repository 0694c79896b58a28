public import Foundation
import EventLog

/// Reads `--since`: an RFC 3339 time or a prefix of one (`2026-11-12`,
/// `2026-11-12T08`), or an age back from now (`90m`, `24h`, `7d`, `2w`).
public enum SinceTime {
    /// The earliest record time to keep, in the log's own format, or nil if unreadable.
    public static func parse(_ text: String, now: Date = Date()) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let unit = trimmed.last, let amount = Double(trimmed.dropLast()), amount >= 0 {
            let seconds: Double? = switch unit {
            case "s": 1
            case "m": 60
            case "h": 3_600
            case "d": 86_400
            case "w": 604_800
            default: nil
            }
            if let seconds { return Timestamp.format(now.addingTimeInterval(-amount * seconds)) }
        }
        // A time written out: compared as text, which RFC 3339 in UTC sorts correctly.
        let pattern = #"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}(:\d{2}(:\d{2}(\.\d+)?)?)?)?)?)?Z?$"#
        guard trimmed.range(of: pattern, options: .regularExpression) != nil else { return nil }
        return trimmed.replacingOccurrences(of: " ", with: "T").replacingOccurrences(of: "Z", with: "")
    }
}
