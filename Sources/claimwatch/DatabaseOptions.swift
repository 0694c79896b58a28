import ArgumentParser
import ClusterStore
import Foundation
import Logging
import Store

/// `--database` and its password: where every cluster host's records are read from.
struct DatabaseConnectionOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Read every cluster host's records from the shared PostgreSQL database instead of the local log (default: $CLAIMWATCH_DATABASE when set).",
                               valueName: "address"))
    var database: String?

    @Option(name: .customLong("database-password-file"),
            help: ArgumentHelp("The database role's password, the file's first line (else $CLAIMWATCH_DATABASE_PASSWORD or $PGPASSWORD).",
                               valueName: "file"))
    var passwordFile: String?

    /// The address given, or the environment's; nil means the local log.
    func address(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        database ?? environment["CLAIMWATCH_DATABASE"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// How to reach the database, with the password from the file or the environment.
    func configuration(_ address: String, applicationName: String) throws -> DatabaseConfiguration {
        do {
            return try DatabaseConfiguration.resolve(address: address, passwordFile: passwordFile,
                                                     environment: ProcessInfo.processInfo.environment,
                                                     applicationName: applicationName)
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}

/// `--database`, for the reading commands: answer for every host of a cluster, from a local
/// projection of the shared stream kept in a cache folder and caught up on each run.
struct DatabaseOptions: ParsableArguments {
    @OptionGroup var connection: DatabaseConnectionOptions

    @Option(help: ArgumentHelp("With --database: the folder of the local copy of the cluster's query store, caught up from the database on each run and rebuilt when the database is another (default: ${XDG_CACHE_HOME:-~/.cache}/claimwatch/<digest of the address>; deleting it only costs a rebuild).",
                                valueName: "dir"))
    var cache: String?

    func address() -> String? { connection.address() }

    func configuration(_ address: String, applicationName: String) throws -> DatabaseConfiguration {
        try connection.configuration(address, applicationName: applicationName)
    }

    /// The cache folder for this database.
    func cacheFolder(_ configuration: DatabaseConfiguration) -> String {
        cache ?? StreamCache.folder(for: configuration, environment: ProcessInfo.processInfo.environment)
    }

    /// With --database, where the stream's projection keeps the texts of its records; nil without.
    func articlesFolder(command: String) throws -> String? {
        guard let address = address() else { return nil }
        return StreamCache.articles(in: cacheFolder(try configuration(address, applicationName: "claimwatch \(command)")))
    }

    /// Connects, with the driver's own logging silenced (the command reports what fails).
    static func connect(_ configuration: DatabaseConfiguration) async throws -> DatabaseConnection {
        var logger = Logger(label: "claimwatch")
        logger.logLevel = .critical
        do {
            return try await DatabaseConnection.open(configuration, logger: logger)
        } catch {
            throw CommandFailure("\(error)")
        }
    }
}

extension QueryStore {
    /// The query store a command answers from: the local log's, or, with --database, the
    /// cluster stream's projection in the cache folder, caught up first.
    static func open(_ state: StateOptions, _ cluster: DatabaseOptions, command: String) async throws -> ClaimStore {
        guard let address = cluster.address() else { return try open(state) }
        let configuration = try cluster.configuration(address, applicationName: "claimwatch \(command)")
        let store: ClaimStore
        do {
            store = try StreamCache.open(folder: cluster.cacheFolder(configuration))
        } catch {
            throw CommandFailure("\(error)")
        }
        let connection = try await DatabaseOptions.connect(configuration)
        do {
            // The texts too, so the web face shows them as over a state folder.
            try await StreamProjection(connection: connection, texts: StreamCache.articles(in: cluster.cacheFolder(configuration)))
                .catchUp(store)
        } catch {
            await connection.close()
            throw CommandFailure("\(error)")
        }
        await connection.close()
        return store
    }
}

/// `--database` on a command that reads one host's own state folder (its log, its files):
/// taken only to be refused with the reason, not to fail as an unknown option.
struct LocalOnlyOption: ParsableArguments {
    @Option(help: ArgumentHelp(visibility: .hidden))
    var database: String?

    func refuse(_ command: String, because reason: String) throws {
        guard database != nil else { return }
        throw ValidationError("\(command) \(reason), so it cannot answer from the cluster's database (--database): "
                              + "run it on the host whose state folder it reads")
    }
}
