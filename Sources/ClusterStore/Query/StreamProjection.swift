public import EventLog
import Ingest
public import Logging
import PostgresNIO
public import Store

/// Keeps a local query store caught up with the cluster's shared stream, so every reading
/// command and the web face answer a cluster through the same queries as a local log: the
/// stream's records after the store's last position are fetched in batches (asynchronously,
/// the driver is) and applied one batch per transaction (synchronously, the store is).
///
/// A store built from another database, or from this one before it was recreated, or one
/// ahead of the stream (its records were deleted), is emptied and built again.
public struct StreamProjection: Sendable {
    let stream: EventStream
    let connection: DatabaseConnection
    /// Records fetched and applied at once.
    public var batchSize: Int
    /// Where the texts of the articles and kept copies the records name are stored as they
    /// are applied (`StreamCache.articles`), so a reader can show them as over a state
    /// folder; nil keeps none.
    public var texts: String?

    public init(connection: DatabaseConnection, batchSize: Int = 20_000, texts: String? = nil) {
        self.connection = connection
        stream = EventStream(connection: connection)
        self.batchSize = batchSize
        self.texts = texts
    }

    /// Applies every record the stream holds after the store's last, up to the head as it
    /// stands when called. Returns how many it applied.
    @discardableResult
    public func catchUp(_ store: ClaimStore) async throws(ClusterStoreError) -> Int {
        try await stream.check()
        let identity = try await identity()
        if try Self.store({ () throws(StoreError) in try store.streamIdentity() }) != identity {
            try Self.store { () throws(StoreError) in try store.restartStream(identity: identity) }
        }
        return try await catchUp(store, identity: identity, applied: { _ in })
    }

    /// Catches the store up, then again each time a host publishes (LISTEN/NOTIFY wakes it),
    /// handing each batch it applied to `applied` as records whose seq is their stream
    /// position, until the task is cancelled or the connection fails. What `serve --database`
    /// keeps its pages and live updates current with.
    public func follow(_ store: ClaimStore, applied: ([LogRecord]) -> Void) async throws(ClusterStoreError) {
        try await stream.check()
        let identity = try await identity()
        if try Self.store({ () throws(StoreError) in try store.streamIdentity() }) != identity {
            try Self.store { () throws(StoreError) in try store.restartStream(identity: identity) }
        }
        try await connection.listening(on: HostPublication.channel) { notifications throws(ClusterStoreError) in
            var iterator = notifications.makeAsyncIterator()
            while true {
                // Listening before catching up: a publish in between still wakes the next wait.
                _ = try await catchUp(store, identity: identity, applied: applied)
                do {
                    guard try await iterator.next() != nil else { throw ClusterStoreError.unreachable("the notifications ended") }
                } catch let error as ClusterStoreError {
                    throw error
                } catch {
                    throw ClusterStoreError(translating: error)
                }
            }
        }
    }

    /// Opens the stream's store at `path` and a connection of its own, then follows the
    /// stream as `follow(_:applied:)` does: what a server over the stream runs.
    public static func follow(_ database: DatabaseConfiguration, store path: String, texts: String? = nil, logger: Logger,
                              applied: ([LogRecord]) -> Void) async throws(ClusterStoreError) {
        let store = try Self.store { () throws(StoreError) in try ClaimStore(streamCache: path) }
        let connection = try await DatabaseConnection.open(database, logger: logger)
        do {
            try await StreamProjection(connection: connection, texts: texts).follow(store, applied: applied)
        } catch {
            await connection.close()
            throw error
        }
        await connection.close()
    }

    /// Catches up to the head, as `catchUp(_:)` does, once the store is known to be this
    /// stream's (the follower of `serve --database` checks once, then calls this on each wake).
    func catchUp(_ store: ClaimStore, identity: String, applied report: ([LogRecord]) -> Void) async throws(ClusterStoreError) -> Int {
        let head = try await stream.head()
        var last = Int64(try Self.store { () throws(StoreError) in try store.lastSeq() })
        if last > head {
            // Ahead of the stream: the records it was built from are gone.
            try Self.store { () throws(StoreError) in try store.restartStream(identity: identity) }
            last = 0
        }
        var applied = 0
        var restarted = false
        let textStore = texts.map(ArticleStore.init(folder:))
        let holdsTexts = textStore == nil ? false : try await sharesTexts()
        while last < head {
            let batch = try await stream.records(after: last, through: head, filter: StreamFilter(), limit: batchSize)
            guard !batch.isEmpty else { break }
            let records = batch.map { record in
                StreamedRecord(position: UInt64(record.position), host: record.host, seq: record.seq, line: Array(record.line.utf8))
            }
            let followed = try Self.store { () throws(StoreError) in try store.apply(stream: records) }
            if !followed {
                // The store's last records are not the stream's: build it again, once.
                guard !restarted else { throw .unexpected("the stream's positions have a gap after \(last)") }
                restarted = true
                try Self.store { () throws(StoreError) in try store.restartStream(identity: identity) }
                last = 0
                applied = 0
                continue
            }
            if let textStore, holdsTexts { try await storeTexts(named: batch, in: textStore) }
            applied += batch.count
            last = batch[batch.count - 1].position
            // Conflicts compared once, after the last batch, and before it is reported, so
            // the counts sent with it are settled.
            if last >= head { try Self.store { () throws(StoreError) in try store.settle() } }
            report(records.compactMap { ClaimStore.streamRecord($0.line, position: $0.position) })
        }
        return applied
    }

    /// Whether the database keeps the hosts' texts (schema version 2 on).
    private func sharesTexts() async throws(ClusterStoreError) -> Bool {
        let rows = try await connection.rows("SELECT to_regclass('claimwatch.texts') IS NOT NULL")
        guard let row = rows.first else { return false }
        return try EventStream.decode(row, as: Bool.self)
    }

    /// Stores the texts of the articles and kept copies a batch names, those not stored yet.
    private func storeTexts(named batch: [StreamRecord], in textStore: ArticleStore) async throws(ClusterStoreError) {
        var contents: [String] = []
        for record in batch where record.type == ArticleIngested.eventType || record.type == ArticleDuplicate.eventType {
            guard let parsed = ClaimStore.streamRecord(Array(record.line.utf8), position: UInt64(record.position)),
                  let content = Self.content(of: parsed), textStore.text(for: content) == nil else { continue }
            contents.append(content)
        }
        guard !contents.isEmpty else { return }
        let rows = try await connection.rows("SELECT content, text FROM claimwatch.texts WHERE content = ANY(\(contents))")
        for row in rows {
            let (content, text) = try EventStream.decode(row, as: (String, String).self)
            do {
                try textStore.store(text, contentID: content)
            } catch {
                throw .cache("cannot store the text of \(content): \(error)")
            }
        }
    }

    private static func content(of record: LogRecord) -> String? {
        switch try? record.event() {
        case let .articleIngested(ingested): ingested.content
        case let .articleDuplicate(copy): copy.content
        default: nil
        }
    }

    /// What names this database's stream for as long as it lives: the server's system
    /// identifier (a new cluster has another), the database's and the stream table's object
    /// ids (a database or schema dropped and made again has others), and the stream's first
    /// record. No password or address is part of it.
    public func identity() async throws(ClusterStoreError) -> String {
        var parts: [String] = []
        // Reading pg_control takes a privilege a reading role may lack; the rest still tells.
        if let rows = try? await connection.rows("SELECT system_identifier::text FROM pg_control_system()"),
           let row = rows.first {
            parts.append(try EventStream.decode(row, as: String.self))
        } else {
            parts.append("-")
        }
        let rows = try await connection.rows("""
            SELECT (SELECT oid::int8 FROM pg_database WHERE datname = current_database()),
                   'claimwatch.events'::regclass::oid::int8,
                   coalesce((SELECT host || ' ' || seq || ' ' || time FROM claimwatch.events WHERE position = 1), '')
            """)
        guard let row = rows.first else { throw .unexpected("the database's identity has no row") }
        let (database, table, first) = try EventStream.decode(row, as: (Int64, Int64, String).self)
        parts += [String(database), String(table), first]
        return parts.joined(separator: "/")
    }

    /// A store call, its failure in this module's terms.
    static func store<T>(_ body: () throws(StoreError) -> T) throws(ClusterStoreError) -> T {
        do {
            return try body()
        } catch {
            throw .cache(error.description)
        }
    }
}
