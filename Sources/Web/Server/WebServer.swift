import Foundation
import Hummingbird
public import Logging
import NIOCore
import ServiceLifecycle

/// `claimwatch serve`: the ledger in a browser. Reads the query store and the log, never
/// writes the record (the store's catch-up is the one write, as with every command), and
/// updates live clients as records land.
public struct WebServer: Sendable {
    public let configuration: WebConfiguration
    public let logger: Logger

    public init(configuration: WebConfiguration, logger: Logger) {
        self.configuration = configuration
        self.logger = logger
    }

    /// Runs until SIGTERM or SIGINT. `started` gets the address bound (`127.0.0.1:8077`),
    /// once the server takes requests.
    public func run(started: @escaping @Sendable (String) -> Void) async throws(WebError) {
        let configuration = configuration, logger = logger
        let articles = ArticleRecords()
        let feed = LiveFeed()
        // Opening the store (which may build it from the log) and the first pass over the
        // log are blocking work: a thread of their own, not the cooperative pool.
        let (watch, pool) = try await Self.onThread { () throws(WebError) -> (any RecordWatch, ReaderPool) in
            let watch: any RecordWatch = if let source = configuration.feed {
                try StreamWatch(paths: configuration.paths, source: source, articles: articles, feed: feed, logger: logger)
            } else {
                try LogWatch(paths: configuration.paths, articles: articles, feed: feed, logger: logger)
            }
            let pool = try ReaderPool(threads: configuration.readers) { () throws(WebError) in
                try LedgerReading(paths: configuration.paths, articles: articles)
            }
            return (watch, pool)
        }
        watch.start()
        defer {
            watch.stop()
            pool.stop()
            feed.finish()
        }
        let router = Router(context: BasicRequestContext.self)
        router.add(middleware: GuardMiddleware(token: configuration.token, loopback: configuration.isLoopback))
        WebRoutes(pool: pool, feed: feed).add(to: router)
        let application = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            services: [LiveUpkeep(feed: feed, watch: watch)],
            onServerRunning: { channel in
                started(Self.describe(channel.localAddress) ?? "\(configuration.host):\(configuration.port)")
            },
            logger: logger
        )
        do {
            try await application.runService()
        } catch {
            throw .server("\(error)")
        }
    }

    /// `HOST:PORT`, or `[IPv6]:PORT`.
    static func describe(_ address: SocketAddress?) -> String? {
        guard let address, let ip = address.ipAddress, let port = address.port else { return nil }
        return ip.contains(":") ? "[\(ip)]:\(port)" : "\(ip):\(port)"
    }

    static func onThread<Value: Sendable>(_ body: @escaping @Sendable () throws(WebError) -> Value) async throws(WebError) -> Value {
        let result: Result<Value, WebError> = await withCheckedContinuation { continuation in
            let thread = Thread { continuation.resume(returning: Result { () throws(WebError) in try body() }) }
            thread.name = "claimwatch-web-start"
            thread.start()
        }
        return try result.get()
    }
}

/// Keeps live streams alive and ends them: a comment every 15 seconds (so a client that
/// went away is noticed, and proxies keep the connection), and at a graceful shutdown the
/// follower and every stream stop, so open pages do not hold the server up.
struct LiveUpkeep: Service {
    let feed: LiveFeed
    let watch: any RecordWatch

    func run() async throws {
        defer {
            watch.stop()
            feed.finish()
        }
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try? await Task.sleep(for: .seconds(15))
                if Task.isCancelled { break }
                feed.publish([LiveMessage.keepAlive])
            }
        }
    }
}
