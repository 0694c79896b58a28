import Foundation
public import Ingest

/// What `claimwatch serve` is told: where to listen, which state to read, and the token
/// a non-loopback listener requires.
public struct WebConfiguration: Sendable {
    /// The files the server reads.
    public struct Paths: Sendable, Equatable {
        public var log: String
        public var store: String
        public var articles: String
        /// The store is a cluster stream's projection (`ClaimStore(streamCache:)`), fed by
        /// `WebConfiguration.feed`, which also keeps the texts it names in `articles`; there is
        /// no log.
        public var streamed: Bool

        public init(log: String, store: String, articles: String) {
            self.log = log
            self.store = store
            self.articles = articles
            streamed = false
        }

        /// A cluster stream's projection at `store`, the texts it names in `articles`.
        public init(streamStore store: String, articles: String) {
            self.init(log: "", store: store, articles: articles)
            streamed = true
        }

        public init(layout: StateLayout) {
            self.init(log: layout.log, store: layout.claimStore, articles: layout.articles)
        }
    }

    public var paths: Paths
    /// What keeps a streamed store current (`paths.streamed`); nil for a state folder's log.
    public var feed: RecordFeed?
    public var host: String
    /// 0 takes any free port (the bound one is reported at start).
    public var port: Int
    /// The secret every request must carry; required unless the address is loopback.
    public var token: String?
    /// Reader threads answering requests.
    public var readers: Int

    public static let defaultListen = "127.0.0.1:8077"
    /// Shorter tokens are refused: a token stands between the network and the record.
    public static let shortestToken = 16

    public init(paths: Paths, feed: RecordFeed? = nil, listen: String = defaultListen, token: String? = nil,
                readers: Int = 2) throws(WebError) {
        let (host, port) = try Self.parse(listen: listen)
        guard paths.streamed == (feed != nil) else {
            throw .configuration("a cluster stream's store is served with its feed, and only it")
        }
        self.paths = paths
        self.feed = feed
        self.host = host
        self.port = port
        self.readers = max(1, readers)
        if let token {
            let trimmed = token.trimmingCharacters(in: .whitespacesAndNewlines)
            guard trimmed.count >= Self.shortestToken, !trimmed.contains(where: { $0.isWhitespace || $0 == ";" || $0 == "," }) else {
                throw .configuration("the token must be at least \(Self.shortestToken) characters, with no spaces, ';' or ','")
            }
            self.token = trimmed
        } else {
            self.token = nil
        }
        if !isLoopback, self.token == nil {
            throw .configuration("listening on \(listen), which is not a loopback address, needs a token: --token-file FILE")
        }
    }

    /// Whether only this machine can connect.
    public var isLoopback: Bool { Self.isLoopback(host) }

    static func isLoopback(_ host: String) -> Bool {
        if host == "localhost" || host == "::1" { return true }
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts[0] == "127" && parts.allSatisfy { UInt8($0) != nil }
    }

    /// `HOST:PORT`, `[IPv6]:PORT`; the port 0 to 65535.
    static func parse(listen: String) throws(WebError) -> (host: String, port: Int) {
        let host: Substring, port: Substring
        if listen.hasPrefix("[") {
            guard let close = listen.firstIndex(of: "]"), listen[listen.index(after: close)...].hasPrefix(":") else {
                throw .configuration("--listen '\(listen)' is not [ADDRESS]:PORT")
            }
            host = listen[listen.index(after: listen.startIndex)..<close]
            port = listen[listen.index(close, offsetBy: 2)...]
        } else {
            guard let colon = listen.lastIndex(of: ":"), !listen[..<colon].contains(":") else {
                throw .configuration("--listen '\(listen)' is not HOST:PORT (an IPv6 address goes in brackets: [::1]:8077)")
            }
            host = listen[..<colon]
            port = listen[listen.index(after: colon)...]
        }
        guard !host.isEmpty else { throw .configuration("--listen '\(listen)' names no host (127.0.0.1 is this machine only)") }
        guard let number = Int(port), (0...65535).contains(number) else {
            throw .configuration("--listen '\(listen)': the port must be a number from 0 to 65535")
        }
        return (String(host), number)
    }
}
