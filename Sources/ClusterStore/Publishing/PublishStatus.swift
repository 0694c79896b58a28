/// Where a host's publishing stands, for `STATUS=` and the journal.
public struct PublishStatus: Sendable, Equatable {
    public enum Phase: Sendable, Equatable {
        /// Before the first connection.
        case connecting
        case connected
        /// The database cannot be reached (or broke off): retried soon.
        case unreachable(since: ContinuousClock.Instant)
        /// The database answers but refuses (a password, a missing database, another log
        /// under this host's name): retried now and then, until a person fixes it.
        case refused(since: ContinuousClock.Instant)
    }

    public var phase: Phase = .connecting
    /// The last seq of this host's log the database holds.
    public var publishedSeq: UInt64 = 0
    /// How many times the database went away (a counter for the status line).
    public var outages = 0
    /// Attempts that failed since the last success.
    public var failedAttempts = 0
    /// The last failure, in words.
    public var problem: String?

    public init() {}

    /// A clause for the status line, or nil when all is well: `database unreachable for
    /// 42s, 1,234 records to publish (2 outages): …`.
    public func note(durableSeq: UInt64, now: ContinuousClock.Instant = .now) -> String? {
        let waiting = durableSeq > publishedSeq ? durableSeq - publishedSeq : 0
        let records = "\(waiting) record\(waiting == 1 ? "" : "s") to publish"
        let counter = "\(outages) outage\(outages == 1 ? "" : "s")"
        switch phase {
        case .connected:
            return nil
        case .connecting:
            return "connecting to the database, \(records)"
        case let .unreachable(since):
            return "database unreachable for \(Self.seconds(now - since)), \(records) (\(counter)): \(problem ?? "")"
        case let .refused(since):
            return "database refuses for \(Self.seconds(now - since)), \(records): \(problem ?? "")"
        }
    }

    private static func seconds(_ duration: Duration) -> String {
        "\(max(0, duration.components.seconds))s"
    }
}
