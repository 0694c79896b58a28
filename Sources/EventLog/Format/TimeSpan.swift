public import Foundation

/// A stretch of time, `start` included and `end` not: what `--since` and `--until` read.
/// A date names its whole day and a time its minute or second, so `--since` takes the
/// start of what was written and `--until` its end (`--until 2026-11-12` keeps that day).
/// An age or a time to the millisecond is one instant (a span of one millisecond).
public struct TimeSpan: Sendable, Equatable {
    public var start: Date
    public var end: Date

    public init(start: Date, end: Date) {
        self.start = start
        self.end = end
    }

    /// `start` in the log's own format, which compares as text with records' `time`.
    public var startStamp: String { Timestamp.format(start) }
    public var endStamp: String { Timestamp.format(end) }

    /// The forms `parse` reads, for messages.
    public static let forms = "a date (2026-11-12), a time (2026-11-12T08:00, 2026-11-12 08:00:30Z, 2026-11-12T08:00+01:00; "
        + "UTC unless an offset is given), an age (90m, 24h, 7d, 2w) or today, yesterday, now"

    /// Reads a time as people write one on a command line; throws `.badTime` saying what
    /// is wrong and which forms are read.
    public static func parse(_ text: String, now: Date = Date()) throws(EventLogError) -> TimeSpan {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        func failure(_ problem: String) -> EventLogError {
            .badTime("'\(text)' is not a time: \(problem); expected \(forms)")
        }
        let lower = trimmed.lowercased()
        let millisecond = 0.001
        switch lower {
        case "now": return TimeSpan(start: now, end: now.addingTimeInterval(millisecond))
        case "today", "yesterday":
            let day = floor(now.timeIntervalSince1970 / 86_400) * 86_400 - (lower == "today" ? 0 : 86_400)
            return TimeSpan(start: Date(timeIntervalSince1970: day), end: Date(timeIntervalSince1970: day + 86_400))
        default: break
        }
        if let age = age(lower) {
            // Past a few thousand years an age names no time the log's format can write.
            guard age <= Self.longestAge else { throw failure("an age of more than 5000 years") }
            let instant = now.addingTimeInterval(-age)
            return TimeSpan(start: instant, end: instant.addingTimeInterval(millisecond)).clamped
        }
        guard let first = trimmed.unicodeScalars.first, ("0"..."9").contains(first) else { throw failure("no date, age or day name") }
        switch CalendarTime.read(trimmed) {
        case let .success(time): return time.span.clamped
        case let .failure(problem): throw failure(problem.description)
        }
    }

    /// The first instant a published date or time names (a date alone: its day's start in
    /// UTC), or nil when it is not written as an ISO date: what `--published` compares.
    public static func publishedInstant(_ text: String) -> Date? {
        guard case let .success(time) = CalendarTime.read(text.trimmingCharacters(in: .whitespaces)) else { return nil }
        return time.span.clamped.start
    }

    static let longestAge = 5_000 * 365.25 * 86_400
    /// The first and last instants the log's time format can write (years 0001 to 9999).
    static let earliest = Date(timeIntervalSince1970: -62_135_596_800)
    static let latest = Date(timeIntervalSince1970: 253_402_300_799.999)

    /// The span kept within the years the log's format writes: `--until 9999` ends at
    /// the last instant of 9999, not at a year 10000 the format cannot spell.
    var clamped: TimeSpan {
        TimeSpan(start: min(max(start, Self.earliest), Self.latest), end: min(max(end, Self.earliest), Self.latest))
    }

    /// Seconds in `90m`, `24h`, `7d`, `2w`, `30s`, `1.5h`, `3 days`, `2 weeks ago`.
    private static func age(_ text: String) -> Double? {
        var rest = Substring(text)
        if rest.hasSuffix(" ago") { rest = rest.dropLast(4) }
        let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        guard !number.isEmpty, let amount = Double(number), amount.isFinite else { return nil }
        let unit = rest.dropFirst(number.count).trimmingCharacters(in: .whitespaces)
        let seconds: Double? = switch unit {
        case "s", "sec", "secs", "second", "seconds": 1
        case "m", "min", "mins", "minute", "minutes": 60
        case "h", "hour", "hours": 3_600
        case "d", "day", "days": 86_400
        case "w", "week", "weeks": 604_800
        default: nil
        }
        return seconds.map { amount * $0 }
    }
}
