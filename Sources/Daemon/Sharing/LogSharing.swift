public import Ingest
import Synchronization

/// Somewhere the daemon's log is passed on as it grows: the cluster mode's shared database
/// (ClusterStore's `LogPublisher`). The daemon does not know the engine: claimwatchd makes
/// the sharer, so no PostgreSQL code is linked into this module or the parsers' fuzz build.
public protocol LogSharing: Sendable {
    /// Passes records on until `finish()`; never throws (outages are waited out).
    func run() async
    /// More of the log is durable; called on the log writer's thread.
    func logAdvanced()
    /// Ends `run()` once everything durable is passed on, or at once while the other side is away.
    func finish()
    /// A clause for `STATUS=` while something is wrong; nil when all is well.
    var statusNote: String? { get }
    /// Where new originals are reserved, when verdicts are shared with other hosts.
    var originals: (any OriginalReservations)? { get }
    /// Hands over the other hosts' records until `finish()`: the backlog, then each batch
    /// as they publish. `caughtUp` marks a delivery that reaches the stream's head.
    func followOthers(_ deliver: @escaping @Sendable (_ records: [SharedRecord], _ caughtUp: Bool) -> Void) async
    /// Where the other hosts' records handed over as `kept` are read back from when the
    /// pipeline rebuilds its memory.
    var sharedRecords: (any SharedRecordArchive)? { get }
}

extension LogSharing {
    public var originals: (any OriginalReservations)? { nil }
    public var sharedRecords: (any SharedRecordArchive)? { nil }
    public func followOthers(_ deliver: @escaping @Sendable (_ records: [SharedRecord], _ caughtUp: Bool) -> Void) async {
        deliver([], true)
    }
}

/// Makes the sharer once the log is open: `durableSeq` reads the writer's last durable seq.
public typealias LogSharingFactory = @Sendable (_ durableSeq: @escaping @Sendable () -> UInt64) throws -> any LogSharing

/// Hands the writer's durable notices to the sharer, which exists only after the writer
/// opened (the writer's configuration, which takes the notice, comes first).
final class LogSharingRelay: Sendable {
    private let current = Mutex<(any LogSharing)?>(nil)

    var sharing: (any LogSharing)? {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }

    func logAdvanced() {
        current.withLock { $0 }?.logAdvanced()
    }
}
