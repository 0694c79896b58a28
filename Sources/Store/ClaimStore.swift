import EventLog
#if canImport(Glibc)
import Glibc
#endif

/// The query store: articles, copies, claims, claimants, figures and their topics in
/// SQLite, a projection of the event log. Opening it catches up with the log (applies
/// the records after the last one it holds); a store of another schema version, or one
/// that does not follow on from the log (a gap, or ahead of it), is rebuilt from scratch.
///
/// Several processes may open it at once (the daemon, the CLI): WAL mode lets readers go
/// on while one catches up, and each catch-up batch re-reads the last applied seq inside
/// its write transaction, so two catching up never apply a record twice.
public final class ClaimStore {
    public let database: Database
    let log: String
    /// Fed records of the cluster's shared stream (`apply(stream:)`), not read from a log:
    /// its seq is the stream position, and it keeps the lines it applied (`KeptRecords`).
    let streamed: Bool
    let fts: Bool
    /// Records per write transaction while catching up.
    public var batchSize = 20_000
    /// Each topic's conflicting pairs as last compared, kept while the topic is unchanged
    /// (see `topicConflicts`).
    var comparedTopics: [String: ComparedTopic] = [:]

    /// Opens the store at `path` for the log in `log`, creating it if need be, and
    /// catches up unless `catchUp` is false.
    public init(path: String, log: String, catchUp: Bool = true) throws(StoreError) {
        database = try Database(path: path)
        self.log = log
        streamed = false
        fts = database.hasFTS5
        try prepareSchema()
        if try meta("stream") != nil {
            // A cache of a cluster's stream given as a local log's store: nothing in it is the log's.
            try database.execute(StoreSchema.drop)
            try prepareSchema()
        }
        if catchUp { try self.catchUp() }
    }

    /// Opens the store at `path` as the projection of a cluster's shared stream, creating
    /// it if need be; `StreamProjection` (in ClusterStore) feeds it with `apply(stream:)`.
    /// A store made from a local log is emptied first: its seqs are not stream positions.
    public init(streamCache path: String) throws(StoreError) {
        database = try Database(path: path)
        log = ""
        streamed = true
        fts = database.hasFTS5
        try prepareSchema()
        if try meta("stream") == nil, try lastSeq() > 0 {
            try database.execute(StoreSchema.drop)
            try prepareSchema()
        }
    }

    /// The seq of the last record applied (0 for an empty store).
    public func lastSeq() throws(StoreError) -> UInt64 {
        UInt64(try meta("last_seq").flatMap { Int64($0) } ?? 0)
    }

    /// Applies the log records after the last one applied, or only the next `maximum` of
    /// them (so a caller with other work, the daemon, can pause in between). Returns how
    /// many were applied.
    @discardableResult
    public func catchUp(maximum: Int? = nil) throws(StoreError) -> Int {
        // A stream's records come from its driver, asynchronously, not from here.
        if streamed { return 0 }
        if try settleDamage() {
            try rebuild()
            return try lastSeqCount()
        }
        let start = try lastSeq()
        if start == 0 {
            // Building from nothing inserts into every index at scattered places; a 64 MiB
            // page cache (SQLite's default is 2 MiB) keeps their inner pages in memory for
            // the build, then goes back to the default.
            try database.execute("PRAGMA cache_size = -65536")
        }
        defer { if start == 0 { try? database.execute("PRAGMA cache_size = -2000") } }
        // The newest segment's name and size: unchanged means nothing new, and no scan
        // of a segment to find where the store stopped (a query stays a query).
        let mark = logMark()
        if start > 0, let mark, try meta("log_mark") == mark { return 0 }
        let cursor: LogCursor
        do {
            cursor = try LogCursor(directory: log, from: start + 1, verify: true)
        } catch {
            throw .log(error.description)
        }
        var applied = 0
        var checkedSeam = start == 0
        var damaged = false
        while true {
            let outcome = try database.transaction { () throws(StoreError) -> (count: Int, more: Bool, rebuild: Bool) in
                let last = try lastSeq()
                let writer = try StoreWriter(database: database, fts: fts)
                var count = 0
                var newest = last
                let limit = min(batchSize, maximum.map { max(1, $0 - applied) } ?? batchSize)
                while count < limit {
                    guard let record = try next(cursor, writer: writer, damaged: &damaged) else { break }
                    if record.seq <= last { continue }
                    if !checkedSeam {
                        checkedSeam = true
                        // The log must carry on where the store stopped; if not, it is another
                        // log. Damaged lines just before may be the records in between.
                        if record.seq != last + 1, !damaged { return (0, false, true) }
                    }
                    try writer.apply(record, at: cursor.location)
                    newest = record.seq
                    count += 1
                }
                try writer.finish()
                if newest != last { try setMeta("last_seq", String(newest)) }
                return (count, count == limit, false)
            }
            if outcome.rebuild {
                try rebuild()
                return try lastSeqCount()
            }
            applied += outcome.count
            if let maximum, applied >= maximum {
                try settleConflicts()
                return applied
            }
            if !outcome.more { break }
        }
        if start > 0, applied == 0, try logEnds(before: start) {
            // The store is ahead of the log: it belongs to a log that is gone.
            try rebuild()
            return try lastSeqCount()
        }
        try settleConflicts()
        if let mark { try database.transaction { () throws(StoreError) in try setMeta("log_mark", mark) } }
        return applied
    }

    /// Drops every table and applies the whole log again (`claimwatch reindex`).
    /// For a stream's store, only empties it: its driver applies the stream again.
    public func rebuild() throws(StoreError) {
        try database.execute(StoreSchema.drop)
        try prepareSchema()
        try catchUp()
    }

    private func lastSeqCount() throws(StoreError) -> Int { Int(try lastSeq()) }

    private func next(_ cursor: LogCursor, writer: StoreWriter, damaged: inout Bool) throws(StoreError) -> LogRecord? {
        while true {
            let item: LogCursor.Item?
            do {
                item = try cursor.next()
            } catch {
                throw .log(error.description)
            }
            guard let item else { return nil }
            if case let .record(record) = item { return record }
            // A damaged line is skipped, and noted: every answer from here on is partial, and
            // says so (`damage()`), until the line is whole again.
            if let damage = item.damage {
                try writer.noteDamage(damage)
                damaged = true
            }
        }
    }

    /// Whether the log's newest record comes before `seq`.
    private func logEnds(before seq: UInt64) throws(StoreError) -> Bool {
        do {
            let cursor = try LogCursor(directory: log, from: seq, verify: false)
            while let item = try cursor.next() {
                if case .record = item { return false }
            }
            return true
        } catch {
            throw .log(error.description)
        }
    }

    /// `name:size` of the log's newest segment, nil when the log is empty or unreadable.
    private func logMark() -> String? {
        guard let newest = (try? Segment.list(in: log))?.last else { return nil }
        var info = stat()
        guard stat(newest.path, &info) == 0 else { return nil }
        return "\(newest.name):\(info.st_size)"
    }

    func prepareSchema() throws(StoreError) {
        let version = try? meta("schema")
        if let version, version != String(StoreSchema.version) {
            try database.execute(StoreSchema.drop)
        }
        try database.execute(StoreSchema.create(fts: fts))
        if version != String(StoreSchema.version) {
            try setMeta("schema", String(StoreSchema.version))
        }
    }

    func meta(_ key: String) throws(StoreError) -> String? {
        let statement = try database.prepare("SELECT value FROM meta WHERE key = ?")
        return try statement.rows([.text(key)]) { $0.text(0) }.first ?? nil
    }

    func setMeta(_ key: String, _ value: String) throws(StoreError) {
        try database.prepare("INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)").run([.text(key), .text(value)])
    }
}
