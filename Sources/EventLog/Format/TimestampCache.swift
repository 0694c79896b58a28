import Foundation

/// Formats timestamps for a stream of records: records come many per second, so the
/// calendar work is done once per second and only the milliseconds change.
struct TimestampCache {
    private var second: Int64 = .min
    /// `YYYY-MM-DDTHH:MM:SS.` for `second`.
    private var prefix = JSONOutput(capacity: 20)

    mutating func append(_ date: Date, to output: inout JSONOutput) {
        let milliseconds = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var wholeSecond = milliseconds / 1000
        if milliseconds < 0, milliseconds % 1000 != 0 { wholeSecond -= 1 }
        if wholeSecond != second {
            var formatted = JSONOutput(capacity: Timestamp.length)
            Timestamp.append(Date(timeIntervalSince1970: Double(wholeSecond)), to: &formatted)
            prefix = JSONOutput(capacity: 20)
            prefix.bytes.append(contentsOf: formatted.bytes.prefix(20))
            second = wholeSecond
        }
        output.bytes.append(contentsOf: prefix.bytes)
        Timestamp.digits(Int(milliseconds - wholeSecond * 1000), width: 3, to: &output)
        output.raw(UInt8(ascii: "Z"))
    }
}
