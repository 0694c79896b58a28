public import EventLog

/// One record of a cluster's shared stream, as its driver hands it to the store.
public struct StreamedRecord: Sendable {
    /// Its place in the one order of every host's records.
    public var position: UInt64
    public var host: String
    /// Its seq in its host's log.
    public var seq: UInt64
    /// The line exactly as the host's log holds it.
    public var line: [UInt8]

    public init(position: UInt64, host: String, seq: UInt64, line: [UInt8]) {
        self.position = position
        self.host = host
        self.seq = seq
        self.line = line
    }
}

extension ClaimStore {
    /// What the stream's store was built from (the database's identity), nil before the
    /// first record.
    public func streamIdentity() throws(StoreError) -> String? {
        try meta("stream")
    }

    /// Empties the store and marks it as built from the stream named `identity`: a store of
    /// another database, or of one recreated since, is built again from its first record.
    public func restartStream(identity: String) throws(StoreError) {
        try database.execute(StoreSchema.drop)
        try prepareSchema()
        try database.transaction { () throws(StoreError) in try setMeta("stream", identity) }
    }

    /// Applies the stream's records that follow on from the last one applied, in one
    /// transaction, as the log's catch-up applies a batch of its records. A record's seq in
    /// the store is its stream position, so every order the store keeps (newest first, a
    /// source's later figure) is the stream's order across hosts. Returns false, applying
    /// nothing, when the first record does not follow on (the stream is not the store's).
    /// As the log's catch-up does at its end, the driver calls `settle()` after its last
    /// batch (a topic not compared yet is compared when asked about, so a run cut short
    /// between the two still answers right).
    public func apply(stream records: [StreamedRecord]) throws(StoreError) -> Bool {
        guard streamed else { throw .log("a local log's store cannot take a cluster's stream") }
        return try database.transaction { () throws(StoreError) -> Bool in
            let last = try lastSeq()
            let fresh = records.drop { $0.position <= last }
            guard let first = fresh.first else { return true }
            guard first.position == last + 1 else { return false }
            let writer = try StoreWriter(database: database, fts: fts)
            let keep = try database.prepare("INSERT INTO stream_records(position, host, seq, type, line) VALUES(?, ?, ?, ?, ?)")
            var newest = last
            for streamed in fresh {
                // Positions are gapless; a hole means the batch is not what the stream holds.
                guard streamed.position == newest + 1 else { return false }
                let record = Self.streamRecord(streamed.line, position: streamed.position)
                try keep.run([.integer(Int64(streamed.position)), .text(streamed.host), .integer(Int64(streamed.seq)),
                              .text(record?.type ?? ""), .blob(streamed.line)])
                if let record { try writer.apply(record, at: RecordLocation(segment: 0, offset: Int64(streamed.position))) }
                newest = streamed.position
            }
            try writer.finish()
            try setMeta("last_seq", String(newest))
            return true
        }
    }

    /// Compares the topics figures joined since they were last compared, once the batches
    /// of a catch-up are applied.
    public func settle() throws(StoreError) {
        try settleConflicts()
    }

    /// The records the stream's store kept, of these types, in stream order, each with its
    /// seq as the stream position (what `ArticleCatalog` groups by).
    public func keptRecords(types: Set<String>) throws(StoreError) -> [LogRecord] {
        let wanted = types.sorted()
        let rows = try database.prepare("""
            SELECT position, line FROM stream_records WHERE type IN (\(Self.placeholders(wanted.count))) ORDER BY position
            """).rows(wanted.map { .text($0) }) { row in (row.integer(0), row.withBytes(1) { Array($0) } ?? []) }
        return rows.compactMap { position, line in Self.streamRecord(line, position: UInt64(position)) }
    }

    /// The host and host seq of the records at these stream positions.
    public func streamOrigins(_ positions: [UInt64]) throws(StoreError) -> [UInt64: (host: String, seq: UInt64)] {
        let statement = try database.prepare("SELECT host, seq FROM stream_records WHERE position = ?")
        var found: [UInt64: (host: String, seq: UInt64)] = [:]
        for position in positions {
            if let origin = try statement.rows([.integer(Int64(position))], { ($0.text(0) ?? "", UInt64(max(0, $0.integer(1)))) }).first {
                found[position] = origin
            }
        }
        return found
    }

    /// Where answers read the records they print: the log, or the lines a stream's store kept.
    public func recordReader() -> any RecordReading {
        streamed ? KeptRecords(database: database) : LogRecordReader(directory: log)
    }

    /// A stream line as a record whose seq is its stream position; nil without an envelope.
    public static func streamRecord(_ line: [UInt8], position: UInt64) -> LogRecord? {
        guard let parsed = LogRecord(line: line) else { return nil }
        return LogRecord(envelope: Envelope(seq: position, type: parsed.type, time: parsed.time), line: line)
    }
}

/// Reads a record that an answer prints, by the location the store keeps for it.
public protocol RecordReading: AnyObject {
    func record(at location: RecordLocation, seq: UInt64) throws(EventLogError) -> LogRecord
}

extension LogRecordReader: RecordReading {}

/// The lines a stream's store kept, read as the log's records are: the location's offset is
/// the stream position.
final class KeptRecords: RecordReading {
    private let database: Database

    init(database: Database) {
        self.database = database
    }

    func record(at location: RecordLocation, seq: UInt64) throws(EventLogError) -> LogRecord {
        let line: [UInt8]?
        do {
            line = try database.prepare("SELECT line FROM stream_records WHERE position = ?")
                .rows([.integer(location.offset)]) { $0.withBytes(0) { Array($0) } ?? [] }.first
        } catch {
            throw .damaged(segment: "the stream cache", offset: UInt64(max(0, location.offset)), reason: error.description)
        }
        guard let line, let record = ClaimStore.streamRecord(line, position: UInt64(max(0, location.offset))), record.seq == seq else {
            throw .damaged(segment: "the stream cache", offset: UInt64(max(0, location.offset)),
                           reason: "no record at stream position \(location.offset)")
        }
        return record
    }
}
