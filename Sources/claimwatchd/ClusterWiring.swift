import ClusterStore
import Daemon
import EventLog
import Ingest
import Logging

/// The publisher, the reserver and the follower as the daemon's sharer (wrappers: neither
/// module needs the other).
struct PublisherSharing: LogSharing {
    let publisher: LogPublisher
    let reserver: ReserverOriginals
    let follower: OtherHostsFollower

    func run() async { await publisher.run() }
    func logAdvanced() { publisher.logAdvanced() }
    func finish() {
        follower.finish()
        publisher.finish()
        reserver.reserver.close()
    }
    var statusNote: String? { publisher.statusNote }
    var originals: (any OriginalReservations)? { reserver }

    func followOthers(_ deliver: @escaping @Sendable ([SharedRecord], Bool) -> Void) async {
        await follower.run { followed, caughtUp in
            deliver(followed.compactMap { record in
                LogRecord(line: Array(record.line.utf8)).map { SharedRecord(host: record.host, record: $0, text: record.text) }
            }, caughtUp)
        }
    }
}

/// ClusterStore's reserver behind the pipeline's seam.
final class ReserverOriginals: OriginalReservations, Sendable {
    let reserver: OriginalReserver

    init(_ reserver: OriginalReserver) {
        self.reserver = reserver
    }

    var host: String { reserver.host }

    func reserve(_ original: ReservationRequest, known: Set<String>) -> ReservationOutcome {
        Self.outcome(reserver.reserve(Self.request(original), known: known))
    }

    private static func outcome(_ outcome: OriginalReserver.Outcome) -> ReservationOutcome {
        switch outcome {
        case .reserved:
            return .reserved
        case let .unavailable(reason):
            return .unavailable(reason)
        case let .earlier(held):
            return .earlier(held.map(Self.foreign))
        }
    }

    func releaseReservations(except recorded: Set<String>) -> Int? {
        reserver.release(except: recorded)
    }

    func earlierOriginals(than original: ReservationRequest) -> [ForeignOriginal]? {
        reserver.earlier(than: Self.request(original)).map { $0.map(Self.foreign) }
    }

    func withdraw(_ article: String) -> Bool {
        reserver.withdraw(article)
    }

    func earlierOriginals(than originals: [ReservationRequest]) -> [[ForeignOriginal]]? {
        reserver.earlier(than: originals.map(Self.request)).map { $0.map { $0.map(Self.foreign) } }
    }

    func reserve(_ originals: [ReservationRequest], known: Set<String>) -> [ReservationOutcome] {
        reserver.reserve(originals.map(Self.request), known: known).map(Self.outcome)
    }

    func withdraw(_ articles: [String]) -> Bool {
        reserver.withdraw(articles)
    }

    private static func request(_ original: ReservationRequest) -> OriginalReserver.Request {
        OriginalReserver.Request(article: original.article, content: original.content, text: original.text, bands: original.bands,
                                 recorded: original.recorded)
    }

    private static func foreign(_ held: OriginalReserver.Held) -> ForeignOriginal {
        ForeignOriginal(article: held.article, content: held.content, host: held.host, text: held.text, recorded: held.recorded)
    }
}

/// Turns the cluster settings into the daemon's log sharer: the shared database's address
/// read, the password found, the publisher made once the log is open.
enum ClusterWiring {
    /// nil without a database; throws for an address or password file that cannot be used.
    static func sharing(_ configuration: DaemonConfiguration, environment: [String: String]) throws -> LogSharingFactory? {
        guard let text = configuration.database else { return nil }
        let host = configuration.publishingHost
        let database = try DatabaseConfiguration.resolve(address: text, passwordFile: configuration.databasePasswordFile,
                                                         environment: environment, applicationName: "claimwatchd \(host)")
        let publishing = LogPublisher.Configuration(database: database, host: host, logDirectory: configuration.logDirectory,
                                                    textsDirectory: configuration.state.articles)
        _ = try HostPublication(host: host)
        return { durableSeq in
            let logger = Logger(label: "claimwatchd")
            return PublisherSharing(
                publisher: try LogPublisher(configuration: publishing, durableSeq: durableSeq, logger: logger),
                reserver: ReserverOriginals(OriginalReserver(database: database, host: host, logger: logger)),
                follower: OtherHostsFollower(database: database, host: host, logger: logger))
        }
    }
}
