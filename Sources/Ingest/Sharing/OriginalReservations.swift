public import EventLog

/// Where a host that shares its record with others (the cluster mode) reserves each
/// article it is about to record as an original, so that of two hosts holding copies of
/// one story only one calls its own the original. The pipeline calls it from its own
/// thread and waits for the answer; the engine behind it (ClusterStore's PostgreSQL) is
/// not the pipeline's business, and an implementation must never block the thread of an
/// event loop or the cooperative pool it needs itself.
public protocol OriginalReservations: AnyObject {
    /// The name this host reserves under (what breaks a tie between two late verdicts).
    var host: String { get }

    /// Reserves `original` unless other hosts reserved an article sharing one of its band
    /// keys that this host does not know yet (`isKnown` says which it knows): those are
    /// returned instead, with their texts, and nothing is reserved. `known` are the
    /// articles this host knows (its own and the others' it learned).
    func reserve(_ original: ReservationRequest, known: Set<String>) -> ReservationOutcome

    /// Forgets this host's reservations of articles its log does not hold: a crash between
    /// a reservation and the log's record of it left them. Returns how many went.
    func releaseReservations(except recorded: Set<String>) -> Int?

    /// Other hosts' originals sharing a band key with `original` that are earlier than it:
    /// recorded before it, or at the same instant by a host whose name sorts first (a rule
    /// every host applies the same way). nil when the database cannot answer.
    func earlierOriginals(than original: ReservationRequest) -> [ForeignOriginal]?

    /// Removes this host's reservation of `article`: it turned out a copy of an earlier one.
    func withdraw(_ article: String) -> Bool

    /// `earlierOriginals(than:)` for each of `originals`, in their order, in as few round
    /// trips as the engine allows; nil when the database cannot answer.
    func earlierOriginals(than originals: [ReservationRequest]) -> [[ForeignOriginal]]?

    /// `reserve(_:known:)` for each of `originals`, in their order.
    func reserve(_ originals: [ReservationRequest], known: Set<String>) -> [ReservationOutcome]

    /// Removes this host's reservations of `articles`.
    func withdraw(_ articles: [String]) -> Bool

    /// The articles this host holds reservations of; nil when the database cannot answer.
    /// An original its log holds without one was recorded while the database was away.
    func reservedOriginals() -> Set<String>?

    /// Those of `articles` this host holds reservations of; nil when the database cannot answer.
    func reservedOriginals(among articles: [String]) -> Set<String>?

    /// `reserve(_:known:)`; with `contesting`, the other hosts' reservations recorded later
    /// than one it reserves, sharing its band keys, are marked as such in the same step (an
    /// original reserved after an outage may be the earlier of its story).
    func reserve(_ originals: [ReservationRequest], known: Set<String>, contesting: Bool) -> [ReservationOutcome]

    /// This host's reservations that another host marked later than an original of its own
    /// (`reserve(_:known:contesting:)`); nil when the database cannot answer.
    func contestedOriginals() -> Set<String>?

    /// Clears the marks on this host's reservations of `articles`, once they are judged.
    func clearContests(_ articles: [String]) -> Bool
}

/// One at a time, for an engine with nothing better.
extension OriginalReservations {
    public func reservedOriginals(among articles: [String]) -> Set<String>? {
        reservedOriginals()?.intersection(articles)
    }

    public func earlierOriginals(than originals: [ReservationRequest]) -> [[ForeignOriginal]]? {
        var found: [[ForeignOriginal]] = []
        for original in originals {
            guard let earlier = earlierOriginals(than: original) else { return nil }
            found.append(earlier)
        }
        return found
    }

    public func reserve(_ originals: [ReservationRequest], known: Set<String>) -> [ReservationOutcome] {
        originals.map { reserve($0, known: known) }
    }

    public func withdraw(_ articles: [String]) -> Bool {
        articles.allSatisfy { withdraw($0) }
    }
}

/// An article about to be recorded as an original.
public struct ReservationRequest: Sendable, Equatable {
    public var article: String
    public var content: String
    /// Its text, shared with the reservation so another host can judge against it at once.
    public var text: String
    /// Its LSH band keys, each with its band's number in the high 32 bits (see `bandKeys`).
    public var bands: [Int64]
    /// The time its record will carry (RFC 3339).
    public var recorded: String
    /// Articles this host knows that share its band keys (its own copy memory says which):
    /// the reservation passes over them from its first call, as it passes over those a call
    /// returned that the host knew. A hint only: one left out costs another call.
    public var passing: [String]

    public init(article: String, content: String, text: String, bands: [Int64], recorded: String, passing: [String] = []) {
        self.article = article
        self.content = content
        self.text = text
        self.bands = bands
        self.recorded = recorded
        self.passing = passing
    }
}

/// An original another host reserved, with what this host needs to judge against it.
public struct ForeignOriginal: Sendable, Equatable {
    public var article: String
    public var content: String
    public var host: String
    public var text: String
    public var recorded: String

    public init(article: String, content: String, host: String, text: String, recorded: String) {
        self.article = article
        self.content = content
        self.host = host
        self.text = text
        self.recorded = recorded
    }
}

public enum ReservationOutcome: Sendable, Equatable {
    /// The article is this host's original now.
    case reserved
    /// Other hosts hold these, unknown here: learn them and judge the file again.
    case earlier([ForeignOriginal])
    /// The shared database cannot answer: the verdict is this host's alone for now.
    case unavailable(String)
}

/// One record of another host, as the shared stream holds it, with the text it names.
public struct SharedRecord: Sendable {
    public var host: String
    public var record: LogRecord
    /// The stored text of the article or copy the record names, when it was published.
    public var text: String?
    /// The pipeline's `SharedRecordArchive` holds it (it was written there before it was
    /// handed over), so the pipeline need not.
    public var kept: Bool

    public init(host: String, record: LogRecord, text: String?, kept: Bool = false) {
        self.host = host
        self.record = record
        self.text = text
        self.kept = kept
    }
}

/// Where the other hosts' records a host followed are kept outside its memory (the
/// follower's cache of them), read back whenever the pipeline builds its memory again from
/// its log: at hundreds of thousands of records, holding them in memory for that costs
/// hundreds of MB. The pipeline calls it on its own thread.
public protocol SharedRecordArchive: AnyObject {
    /// Hands over the records kept, in the order they were kept, a batch at a time, each
    /// with its text from the article store (nil when the store lacks it). Returns why it
    /// stopped before the end (the file cannot be read, or damage in it), nil when it did not.
    func replay(_ deliver: ([SharedRecord]) -> Void) -> String?
}
