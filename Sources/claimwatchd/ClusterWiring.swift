import ClusterStore
import Daemon
import Logging

/// The publisher as the daemon's sharer (a wrapper: neither module needs the other).
struct PublisherSharing: LogSharing {
    let publisher: LogPublisher

    func run() async { await publisher.run() }
    func logAdvanced() { publisher.logAdvanced() }
    func finish() { publisher.finish() }
    var statusNote: String? { publisher.statusNote }
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
        let publishing = LogPublisher.Configuration(database: database, host: host, logDirectory: configuration.logDirectory)
        _ = try HostPublication(host: host)
        return { durableSeq in
            PublisherSharing(publisher: try LogPublisher(configuration: publishing, durableSeq: durableSeq,
                                                         logger: Logger(label: "claimwatchd")))
        }
    }
}
