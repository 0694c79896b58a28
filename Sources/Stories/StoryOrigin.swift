/// Where an article's record comes from: what decides, between two stories that turn out
/// to be one, which is the older and names both.
///
/// A host's memory holds its own records and every other host's, applied in the order they
/// arrive live but its own log first at a start. The older of two stories must not depend
/// on that order, so it is decided by the records themselves: the time each was recorded,
/// then the host (this host's own first), then this host's own order (its log's) or the
/// article id. A host's own times are taken as never earlier than the one before, so its own
/// articles keep their log order whatever its clock did, and a single host names stories
/// after their first article as it always has.
public struct StoryOrigin: Sendable, Hashable {
    /// The time the record was made (RFC 3339, as the log writes it); "" when unknown.
    public var recorded: String
    /// The host that recorded it; nil for this host's own records.
    public var host: String?

    public init(recorded: String, host: String? = nil) {
        self.recorded = recorded
        self.host = host
    }

    /// One of this host's records whose time does not matter: order alone decides.
    public static let own = StoryOrigin(recorded: "")

    /// A recorded time as a number in the same order: its digits, up to the millisecond
    /// (`2026-11-18T08:00:00.000Z` is 20261118080000000). The log writes one fixed format, in
    /// UTC; digits missing from a shorter time count as zeros, and "" is the earliest.
    static func time(_ recorded: String) -> Int64 {
        var value: Int64 = 0, digits = 0
        for byte in recorded.utf8 where digits < 17 {
            guard byte >= 0x30, byte <= 0x39 else { continue }
            value = value * 10 + Int64(byte - 0x30)
            digits += 1
        }
        for _ in digits..<17 { value *= 10 }
        return value
    }
}

/// A story's name changing: every article of `story` is in `into` from now on. What the
/// ledger must follow for the topics it scopes by story.
public struct StoryRename: Sendable, Hashable {
    public var story: String
    public var into: String

    public init(story: String, into: String) {
        self.story = story
        self.into = into
    }
}
