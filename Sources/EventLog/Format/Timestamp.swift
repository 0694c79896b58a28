public import Foundation

/// RFC 3339 UTC timestamps with milliseconds, as every record's `time` carries them.
public enum Timestamp {
    /// The fixed length of a formatted timestamp: `2026-11-22T21:28:00.123Z`.
    public static let length = 24

    public static func format(_ date: Date) -> String {
        var output = JSONOutput(capacity: length)
        append(date, to: &output)
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// Appends the formatted `date`; `TimestampCache` calls this once per second for a stream.
    static func append(_ date: Date, to output: inout JSONOutput) {
        let millisecondsSinceEpoch = Int64((date.timeIntervalSince1970 * 1000).rounded(.down))
        var seconds = time_t(millisecondsSinceEpoch.floorDivided(by: 1000))
        let millis = Int(millisecondsSinceEpoch - Int64(seconds) * 1000)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        digits(Int(parts.tm_year) + 1900, width: 4, to: &output)
        output.raw(UInt8(ascii: "-"))
        digits(Int(parts.tm_mon) + 1, width: 2, to: &output)
        output.raw(UInt8(ascii: "-"))
        digits(Int(parts.tm_mday), width: 2, to: &output)
        output.raw(UInt8(ascii: "T"))
        digits(Int(parts.tm_hour), width: 2, to: &output)
        output.raw(UInt8(ascii: ":"))
        digits(Int(parts.tm_min), width: 2, to: &output)
        output.raw(UInt8(ascii: ":"))
        digits(Int(parts.tm_sec), width: 2, to: &output)
        output.raw(UInt8(ascii: "."))
        digits(millis, width: 3, to: &output)
        output.raw(UInt8(ascii: "Z"))
    }

    static func digits(_ value: Int, width: Int, to output: inout JSONOutput) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            output.raw(0x30 + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    /// Parses what `format` writes; nil for anything else.
    public static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == length, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54,
              bytes[13] == 0x3A, bytes[16] == 0x3A, bytes[19] == 0x2E, bytes[23] == 0x5A else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for byte in bytes[range] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              let millis = number(20..<23) else { return nil }
        let seconds = secondsSinceEpoch(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        return Date(timeIntervalSince1970: seconds + Double(millis) / 1000)
    }

    /// Seconds since the epoch of a UTC calendar time; fields past their range roll over
    /// (month 13 is January of the next year), as `timegm` does.
    static func secondsSinceEpoch(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Double {
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        return Double(timegm(&parts))
    }
}

extension Int64 {
    fileprivate func floorDivided(by divisor: Int64) -> Int64 {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }
}
