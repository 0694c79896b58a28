import Foundation

/// An ISO 8601 / RFC 3339 date or time, checked field by field (no month 13, no
/// February 30, no hour 25), with as many fields as were written: `2026`, `2026-11`,
/// `2026-11-12`, `2026-11-12T08`, `…T08:00`, `…T08:00:30`, `…T08:00:30.250`, then `Z` or
/// an offset (`+01:00`, `-0500`) after a time. A space may stand for the `T`.
struct CalendarTime {
    enum Precision: Int { case year, month, day, hour, minute, second, fraction }

    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    var year: Int
    var month = 1
    var day = 1
    var hour = 0
    var minute = 0
    var second = 0
    var milliseconds = 0
    /// East of UTC, in seconds.
    var offset = 0
    var precision: Precision = .year

    static func read(_ text: String) -> Result<CalendarTime, Problem> {
        var scanner = Scanner(Array(text.utf8))
        func fail(_ problem: String) -> Result<CalendarTime, Problem> { .failure(Problem(description: problem)) }
        guard let year = scanner.digits(4) else { return fail("a year has four digits") }
        var time = CalendarTime(year: year)
        guard year >= 1 else { return fail("year 0000 does not exist") }
        if scanner.take("-") {
            guard let month = scanner.digits(2) else { return fail("a month has two digits (01–12)") }
            guard (1...12).contains(month) else { return fail("month \(month) does not exist (01–12)") }
            time.month = month
            time.precision = .month
            if scanner.take("-") {
                guard let day = scanner.digits(2) else { return fail("a day has two digits") }
                let days = Self.days(inMonth: month, of: year)
                guard (1...days).contains(day) else {
                    return fail("day \(day) does not exist in \(Self.monthNames[month - 1]) \(year) (01–\(days))")
                }
                time.day = day
                time.precision = .day
                if scanner.take("T") || scanner.take("t") || scanner.take(" ") {
                    if let problem = time.readClock(&scanner) { return fail(problem) }
                }
            }
        }
        guard scanner.atEnd else { return fail("'\(scanner.rest)' after the \(time.precisionName) is not understood") }
        return .success(time)
    }

    /// Reads `hh[:mm[:ss[.fff]]]` and a zone; a problem, or nil.
    private mutating func readClock(_ scanner: inout Scanner) -> String? {
        guard let hour = scanner.digits(2) else { return "an hour has two digits (00–23)" }
        guard hour <= 23 else { return "hour \(hour) does not exist (00–23)" }
        self.hour = hour
        precision = .hour
        if scanner.take(":") {
            guard let minute = scanner.digits(2) else { return "a minute has two digits (00–59)" }
            guard minute <= 59 else { return "minute \(minute) does not exist (00–59)" }
            self.minute = minute
            precision = .minute
            if scanner.take(":") {
                guard let second = scanner.digits(2) else { return "a second has two digits (00–59)" }
                guard second <= 59 else { return "second \(second) does not exist (00–59)" }
                self.second = second
                precision = .second
                if scanner.take(".") || scanner.take(",") {
                    let fraction = scanner.run { $0 >= 0x30 && $0 <= 0x39 }
                    guard !fraction.isEmpty else { return "a fraction of a second needs digits" }
                    milliseconds = Int(String(decoding: (fraction + [0x30, 0x30, 0x30]).prefix(3), as: UTF8.self)) ?? 0
                    precision = .fraction
                }
            }
        }
        if scanner.take("Z") || scanner.take("z") { return nil }
        if let sign = scanner.sign() {
            guard let hours = scanner.digits(2, alone: false), hours <= 23 else { return "an offset is +hh:mm, hours 00–23" }
            _ = scanner.take(":")
            guard let minutes = scanner.digits(2), minutes <= 59 else { return "an offset is +hh:mm, minutes 00–59" }
            offset = sign * (hours * 3_600 + minutes * 60)
        }
        return nil
    }

    /// The span the fields name: a whole year, month, day, hour, minute or second, or
    /// one millisecond.
    var span: TimeSpan {
        let start = Self.instant(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
            + Double(milliseconds) / 1_000 - Double(offset)
        let end: Double = switch precision {
        case .year: Self.instant(year: year + 1, month: 1, day: 1, hour: 0, minute: 0, second: 0) - Double(offset)
        case .month: Self.instant(year: year, month: month + 1, day: 1, hour: 0, minute: 0, second: 0) - Double(offset)
        case .day: start + 86_400
        case .hour: start + 3_600
        case .minute: start + 60
        case .second: start + 1
        case .fraction: start + 0.001
        }
        return TimeSpan(start: Date(timeIntervalSince1970: start), end: Date(timeIntervalSince1970: end))
    }

    private var precisionName: String {
        switch precision {
        case .year: "year"
        case .month: "month"
        case .day: "date"
        default: "time"
        }
    }

    private static func instant(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Double {
        Timestamp.secondsSinceEpoch(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    static let monthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
                             "October", "November", "December"]

    /// Bytes read one field at a time.
    struct Scanner {
        let bytes: [UInt8]
        var index = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        var atEnd: Bool { index == bytes.count }
        var rest: String { String(decoding: bytes[index...], as: UTF8.self) }

        /// Exactly `count` ASCII digits, not followed by another digit unless `alone` is
        /// false (an offset's hours may run on into its minutes: `-0130`).
        mutating func digits(_ count: Int, alone: Bool = true) -> Int? {
            guard bytes.count - index >= count else { return nil }
            var value = 0
            for byte in bytes[index..<(index + count)] {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            if alone, index + count < bytes.count, bytes[index + count] >= 0x30, bytes[index + count] <= 0x39 { return nil }
            index += count
            return value
        }

        mutating func take(_ character: Unicode.Scalar) -> Bool {
            guard index < bytes.count, bytes[index] == UInt8(character.value) else { return false }
            index += 1
            return true
        }

        mutating func sign() -> Int? {
            if take("+") { return 1 }
            if take("-") { return -1 }
            return nil
        }

        mutating func run(while matches: (UInt8) -> Bool) -> [UInt8] {
            let start = index
            while index < bytes.count, matches(bytes[index]) { index += 1 }
            return Array(bytes[start..<index])
        }
    }
}
