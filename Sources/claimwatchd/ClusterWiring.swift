import ClusterStore
import Daemon
import EventLog
import Ingest
import Logging

/// The publisher, the reserver and the follower as the daemon's sharer (a wrapper: the
/// daemon's module does not know the engine).
struct PublisherSharing: LogSharing {
    let publisher: LogPublisher
    let reserver: OriginalReserver
    let follower: OtherHostsFollower
    let followed: FollowedRecords

    func run() async { await publisher.run() }
    func logAdvanced() { publisher.logAdvanced() }
    func finish() {
        follower.finish()
        publisher.finish()
        reserver.close()
    }
    var statusNote: String? {
        let notes = [follower.statusNote, publisher.statusNote].compactMap { $0 }
        return notes.isEmpty ? nil : notes.joined(separator: "; ")
    }
    var originals: (any OriginalReservations)? { reserver }
    var sharedRecords: (any SharedRecordArchive)? { followed }

    func followOthers(_ deliver: @escaping @Sendable ([SharedRecord], Bool) -> Void) async {
        await follower.run { followed, caughtUp in
            deliver(followed.compactMap { record in
                LogRecord(line: Array(record.line.utf8)).map { SharedRecord(host: record.host, record: $0, text: record.text, kept: record.kept) }
            }, caughtUp)
        }
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
        let followed = OtherHostsFollower.CacheLocation(path: configuration.state.index + "/other-hosts.bin",
                                                        texts: configuration.state.articles)
        return { durableSeq in
            let logger = Logger(label: "claimwatchd")
            return PublisherSharing(
                publisher: try LogPublisher(configuration: publishing, durableSeq: durableSeq, logger: logger),
                reserver: OriginalReserver(database: database, host: host, logger: logger),
                follower: OtherHostsFollower(database: database, host: host, logger: logger, cache: followed),
                followed: FollowedRecords(followed))
        }
    }
}
