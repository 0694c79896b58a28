import ArgumentParser
import ClusterStore
import EventLog
import Foundation
import Ingest
import Logging
import Store
import Web

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the ledger to a browser: pages, the chart of each topic, a JSON API and live updates. Read-only.",
        discussion: """
            Listens on 127.0.0.1:8077 by default: this machine only. On any other address every request \
            must carry the token read from --token-file (open /?token=… once in a browser, or send \
            Authorization: Bearer …). The first line on standard output gives the address. \
            SIGTERM or SIGINT stops it. With --database (or $CLAIMWATCH_DATABASE), it serves every \
            cluster host's records from the shared PostgreSQL, through the local copy of the query store \
            kept in --cache, and updates open pages as any host publishes; article texts stay on the \
            host that took them.
            """
    )

    @OptionGroup var state: StateOptions
    @OptionGroup(title: "Cluster") var cluster: DatabaseOptions

    @Option(help: ArgumentHelp("The address and port to listen on (port 0: any free one).", valueName: "host:port"))
    var listen = WebConfiguration.defaultListen

    @Option(name: .customLong("token-file"),
            help: ArgumentHelp("A file holding the token requests must carry; required off loopback.", valueName: "file"))
    var tokenFile: String?

    @Option(help: "Threads answering requests.")
    var readers = 2

    func validate() throws {
        if readers < 1 || readers > 64 { throw ValidationError("--readers must be from 1 to 64") }
    }

    func run() async throws {
        var token: String?
        if let tokenFile {
            guard let data = FileManager.default.contents(atPath: tokenFile) else {
                throw ValidationError("--token-file \(tokenFile) cannot be read")
            }
            token = String(decoding: data, as: UTF8.self)
        }
        let configuration: WebConfiguration
        if let address = cluster.address() {
            let database = try cluster.configuration(address, applicationName: "claimwatch serve")
            // Caught up before the first request, as every command is.
            _ = try await QueryStore.open(state, cluster, command: "serve")
            let store = cluster.cacheFolder(database) + "/claims.sqlite"
            let texts = StreamCache.articles(in: cluster.cacheFolder(database))
            do {
                configuration = try WebConfiguration(paths: .init(streamStore: store, articles: texts),
                                                     feed: Self.feed(database, store: store, texts: texts),
                                                     listen: listen, token: token, readers: readers)
            } catch {
                throw ValidationError(error.description)
            }
        } else {
            let layout = try state.existingLog()
            do {
                configuration = try WebConfiguration(paths: .init(layout: layout), listen: listen, token: token, readers: readers)
            } catch {
                throw ValidationError(error.description)
            }
            do {
                try FileManager.default.createDirectory(atPath: layout.index, withIntermediateDirectories: true)
            } catch {
                throw CommandFailure("cannot create \(layout.index): \(error.localizedDescription)")
            }
        }
        var logger = Logger(label: "claimwatch.serve")
        logger.logLevel = .notice
        let access = configuration.token == nil
            ? "this machine only"
            : "every request needs the token from \(tokenFile ?? "the token file"): open /?token=… once"
        do {
            try await WebServer(configuration: configuration, logger: logger).run { address in
                // Unbuffered: whoever started the server waits for this line to learn the port.
                FileHandle.standardOutput.write(Data("claimwatch serve: the ledger at http://\(address)/ (read-only; \(access))\n".utf8))
            }
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// The cluster's stream as the web face's feed: the store in the cache folder, kept
    /// caught up by `StreamProjection` on a connection of its own.
    static func feed(_ database: DatabaseConfiguration, store: String, texts: String) -> RecordFeed {
        RecordFeed { applied in
            var logger = Logger(label: "claimwatch.serve.stream")
            logger.logLevel = .critical
            try await StreamProjection.follow(database, store: store, texts: texts, logger: logger, applied: applied)
        }
    }
}
