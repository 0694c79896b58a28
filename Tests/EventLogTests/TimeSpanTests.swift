import Foundation
import Testing
@testable import EventLog

/// How `--since` and `--until` read a time.
@Suite struct TimeSpanTests {
    /// 2026-11-12T10:30:00Z.
    let now = Date(timeIntervalSince1970: 1_794_479_400)

    @Test("a date or a shortened time names its whole day, hour or minute", arguments: [
        ("2026-11-12", "2026-11-12T00:00:00.000Z", "2026-11-13T00:00:00.000Z"),
        ("2026-11", "2026-11-01T00:00:00.000Z", "2026-12-01T00:00:00.000Z"),
        ("2026-12", "2026-12-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"),
        ("2026", "2026-01-01T00:00:00.000Z", "2027-01-01T00:00:00.000Z"),
        ("2026-11-12T08", "2026-11-12T08:00:00.000Z", "2026-11-12T09:00:00.000Z"),
        ("2026-11-12 08:15", "2026-11-12T08:15:00.000Z", "2026-11-12T08:16:00.000Z"),
        ("2026-11-12T08:15:30Z", "2026-11-12T08:15:30.000Z", "2026-11-12T08:15:31.000Z"),
        ("2026-11-12T08:15:30.25", "2026-11-12T08:15:30.250Z", "2026-11-12T08:15:30.251Z"),
        ("2026-11-12T08:15+01:00", "2026-11-12T07:15:00.000Z", "2026-11-12T07:16:00.000Z"),
        ("2026-11-12T23:30-0130", "2026-11-13T01:00:00.000Z", "2026-11-13T01:01:00.000Z"),
        ("2028-02-29", "2028-02-29T00:00:00.000Z", "2028-03-01T00:00:00.000Z"),
    ])
    func periods(text: String, start: String, end: String) throws {
        let span = try TimeSpan.parse(text, now: now)
        #expect(span.startStamp == start)
        #expect(span.endStamp == end)
    }

    @Test("ages count back from now; today and yesterday are UTC days", arguments: [
        ("90m", "2026-11-12T09:00:00.000Z"), ("24h", "2026-11-11T10:30:00.000Z"), ("7d", "2026-11-05T10:30:00.000Z"),
        ("2w", "2026-10-29T10:30:00.000Z"), ("1.5h", "2026-11-12T09:00:00.000Z"), ("3 days ago", "2026-11-09T10:30:00.000Z"),
        ("30s", "2026-11-12T10:29:30.000Z"), ("today", "2026-11-12T00:00:00.000Z"), ("Yesterday", "2026-11-11T00:00:00.000Z"),
        ("now", "2026-11-12T10:30:00.000Z"),
    ])
    func relative(text: String, start: String) throws {
        #expect(try TimeSpan.parse(text, now: now).startStamp == start)
    }

    @Test("impossible fields are refused, saying which and what was expected", arguments: [
        ("2026-13-45", "month 13 does not exist"), ("2026-02-30", "day 30 does not exist in February 2026 (01–28)"),
        ("2100-02-29", "day 29 does not exist in February 2100"), ("2026-04-31", "day 31 does not exist in April 2026"),
        ("2026-12-05T25:99", "hour 25 does not exist"), ("2026-12-05T23:60", "minute 60 does not exist"),
        ("2026-12-05T23:59:60", "second 60 does not exist"), ("2026-00-10", "month 0 does not exist"),
        ("2026-11-00", "day 0 does not exist"), ("0000-01-01", "year 0000 does not exist"),
        ("2026-11-12T08:00+25:00", "an offset is +hh:mm"), ("2026-11-12x", "'x' after the date"),
        ("26-11-12", "a year has four digits"), ("last tuesday", "no date, age or day name"), ("", "no date, age or day name"),
        ("7 fortnights", "a year has four digits"), ("2026-1-5", "a month has two digits"),
    ])
    func refused(text: String, problem: String) {
        #expect {
            _ = try TimeSpan.parse(text, now: now)
        } throws: { error in
            guard case let .badTime(message) = error as? EventLogError else { return false }
            return message.contains(problem) && message.contains("expected a date (2026-11-12)")
        }
    }

    @Test("times the log's format cannot write are kept to its years or refused, never a crash (found by fuzz-time)")
    func outOfRange() throws {
        let huge = String(repeating: "2", count: 81) + "0222m"
        #expect(throws: EventLogError.self) { _ = try TimeSpan.parse(huge, now: now) }
        #expect(throws: EventLogError.self) { _ = try TimeSpan.parse("6000y", now: now) }
        #expect(try TimeSpan.parse("9999", now: now).endStamp == "9999-12-31T23:59:59.999Z")
        #expect(try TimeSpan.parse("0001-01-01T00:00+01:00", now: now).startStamp == "0001-01-01T00:00:00.000Z")
        #expect(try TimeSpan.parse("4000 weeks", now: now).startStamp == "1950-03-16T10:30:00.000Z")
    }

    @Test("a published date is read from the forms articles carry; anything else is none")
    func published() {
        #expect(TimeSpan.publishedInstant("2026-11-12").map(Timestamp.format) == "2026-11-12T00:00:00.000Z")
        #expect(TimeSpan.publishedInstant("2026-11-12T07:15:00+01:00").map(Timestamp.format) == "2026-11-12T06:15:00.000Z")
        #expect(TimeSpan.publishedInstant("Nov 12, 2026") == nil)
        #expect(TimeSpan.publishedInstant("2026-02-30") == nil)
    }
}
