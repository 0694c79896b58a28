import ArgumentParser
import EventLog
import Foundation

/// `--since` and `--until`, as journalctl and git log take them.
struct TimeOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only what is from then on: a date (2026-11-12), a time (2026-11-12T08:00, UTC unless an offset is given), an age (90m, 24h, 7d, 2w), today or yesterday.", valueName: "time"))
    var since: String?

    @Option(help: ArgumentHelp("Only what is from before the end of then: the same forms as --since (--until 2026-11-12 keeps that day).", valueName: "time"))
    var until: String?

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            guard let value else { continue }
            do {
                _ = try TimeSpan.parse(value)
            } catch {
                throw ValidationError("\(name) \(error)")
            }
        }
        let bounds = self.bounds
        if let start = bounds.since, let end = bounds.until, start >= end {
            throw ValidationError("--since \(since ?? "") comes after --until \(until ?? ""): nothing lies between them")
        }
    }

    /// The first time kept and the first time past the range, in the log's format.
    var bounds: TimeBounds {
        let now = Self.now
        return TimeBounds(since: since.flatMap { try? TimeSpan.parse($0, now: now).startStamp },
                          until: until.flatMap { try? TimeSpan.parse($0, now: now).endStamp })
    }

    var isSet: Bool { since != nil || until != nil }

    /// One "now" for both bounds and every check of one run.
    private static let now = Date()
}

/// A time range as the log's time stamps bound it, `since` kept and `until` not.
struct TimeBounds {
    var since: String?
    var until: String?

    /// Whether a record time (or a published stamp) lies in the range; with a range, a
    /// missing time does not.
    func contains(_ stamp: String?) -> Bool {
        guard since != nil || until != nil else { return true }
        guard let stamp else { return false }
        if let since, stamp < since { return false }
        if let until, stamp >= until { return false }
        return true
    }
}

/// `--published`: `--since` and `--until` are about when the article was published.
struct PublishedOption: ParsableArguments {
    @Flag(help: "Apply --since and --until to the article's published date (a date alone counts from its start, UTC) instead of the time it was recorded; articles with no published date are left out.")
    var published = false

    /// The published date's stamp to compare with the bounds, nil when there is none.
    static func stamp(_ published: String?) -> String? {
        published.flatMap(TimeSpan.publishedInstant).map(Timestamp.format)
    }
}
