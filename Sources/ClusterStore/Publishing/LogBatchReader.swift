import Dispatch
import EventLog
import Foundation

/// Reads a host's own log in batches for publishing, only ever up to the last durable
/// record: a record past it could still be taken back by a rolled-back write, and its
/// seq given to another. Each batch opens a cursor where the last one ended and drops it
/// afterwards, so bytes read ahead of durability are never kept.
///
/// File reads block, so every call runs on the reader's own dispatch queue, never on the
/// cooperative pool.
final class LogBatchReader: @unchecked Sendable {
    // @unchecked: `next` is only touched on `queue`, which runs one call at a time.
    let directory: String
    /// The host's stored article texts (`<state>/articles`), published with the records
    /// that name them; nil publishes records only.
    let texts: String?
    private let queue = DispatchQueue(label: "claimwatch-publish-reader")
    /// The next record to read, and where it begins when known.
    private var next: (seq: UInt64, location: RecordLocation?) = (1, nil)

    init(directory: String, texts: String? = nil) {
        self.directory = directory
        self.texts = texts
    }

    private func onQueue<Value: Sendable>(
        _ body: @escaping @Sendable () throws(ClusterStoreError) -> Value
    ) async throws(ClusterStoreError) -> Value {
        let result: Result<Value, ClusterStoreError> = await withCheckedContinuation { continuation in
            queue.async {
                do throws(ClusterStoreError) {
                    continuation.resume(returning: .success(try body()))
                } catch {
                    continuation.resume(returning: .failure(error))
                }
            }
        }
        return try result.get()
    }

    /// Positions the reader after `seq`, the last record the database holds of this host,
    /// and checks that the database's copy of it is this log's: another log under the same
    /// host name, or this state folder started afresh, must never be mixed in.
    func resume(after seq: UInt64, databaseLine: String?, host: String) async throws(ClusterStoreError) {
        try await onQueue { [self] () throws(ClusterStoreError) in
            guard seq > 0 else {
                next = (1, nil)
                return
            }
            guard let databaseLine else {
                throw .unexpected("the database's cursor names seq \(seq), but holds no such record")
            }
            let (record, location) = try read(seq)
            guard let record, let location else {
                throw .foreignLog(host: host, detail: "the database holds records up to seq \(seq), and this log ends before it")
            }
            guard record.line == Array(databaseLine.utf8) else {
                throw .foreignLog(host: host, detail: "its record \(seq) differs from this log's")
            }
            next = (seq + 1, RecordLocation(segment: location.segment, offset: location.offset + Int64(record.line.count) + 1))
        }
    }

    /// The record `seq` of the local log and where it lies, or nils when the log ends before it.
    private func read(_ seq: UInt64) throws(ClusterStoreError) -> (LogRecord?, RecordLocation?) {
        do throws(EventLogError) {
            let cursor = try LogCursor(directory: directory, from: seq)
            while let item = try cursor.next() {
                if case let .record(record) = item, record.seq == seq { return (record, cursor.location) }
                if case let .record(record) = item, record.seq > seq { break }
            }
            return (nil, nil)
        } catch {
            throw .log(error.description)
        }
    }

    /// Up to `maximum` records (and about `maximumBytes` of them) from the next one on, none
    /// past `durable`. Reading does not advance: `advance(past:)` does, once they are published.
    func batch(upTo durable: UInt64, maximum: Int, maximumBytes: Int) async throws(ClusterStoreError) -> Batch {
        try await onQueue { [self] () throws(ClusterStoreError) in
            var batch = Batch(records: [], end: next.location)
            var expected = next.seq
            guard durable >= expected else { return batch }
            var bytes = 0
            do throws(EventLogError) {
                let cursor = if let location = next.location {
                    try LogCursor(directory: directory, from: expected, at: location)
                } else {
                    try LogCursor(directory: directory, from: expected)
                }
                while batch.records.count < maximum, bytes < maximumBytes, expected <= durable, let item = try cursor.next() {
                    guard case let .record(record) = item else {
                        throw EventLogError.damaged(segment: item.damage?.segment ?? directory,
                                                    offset: UInt64(max(0, item.damage?.offset ?? 0)),
                                                    reason: item.damage?.reason ?? "damaged")
                    }
                    guard record.seq == expected else {
                        throw EventLogError.damaged(segment: directory, offset: 0,
                                                    reason: "seq \(record.seq) where seq \(expected) was expected")
                    }
                    batch.records.append(record)
                    bytes += record.line.count
                    if let (content, text) = storedText(of: record), batch.texts[content] == nil {
                        batch.texts[content] = text
                        bytes += text.utf8.count
                    }
                    if let location = cursor.location {
                        batch.end = RecordLocation(segment: location.segment, offset: location.offset + Int64(record.line.count) + 1)
                    }
                    expected += 1
                }
            } catch {
                throw .log(error.description)
            }
            return batch
        }
    }

    /// The stored text an article or copy record names, when the store holds it (a copy's
    /// is kept only when it has claims of its own; an exact copy's is its original's).
    private func storedText(of record: LogRecord) -> (content: String, text: String)? {
        guard let texts else { return nil }
        let content: String?
        switch record.type {
        case ArticleIngested.eventType: content = try? record.decode(ArticleIngested.self).content
        case ArticleDuplicate.eventType: content = (try? record.decode(ArticleDuplicate.self))?.content
        default: return nil
        }
        guard let content, content.utf8.count > 2, content.utf8.allSatisfy({ $0 != UInt8(ascii: "/") && $0 != UInt8(ascii: ".") }),
              let data = FileManager.default.contents(atPath: texts + "/" + content.prefix(2) + "/" + content + ".txt"),
              let text = String(validating: data, as: UTF8.self)
        else { return nil }
        return (content, text)
    }

    struct Batch: Sendable {
        var records: [LogRecord]
        /// The stored texts the records name, by content id.
        var texts: [String: String] = [:]
        /// Where the record after the last one begins.
        var end: RecordLocation?
    }

    /// The batch is in the database: the next read starts after it.
    func advance(past batch: Batch) async {
        guard let last = batch.records.last else { return }
        try? await onQueue { [self] () throws(ClusterStoreError) in next = (last.seq + 1, batch.end) }
    }
}
