import Foundation

/// Writes batches into the current segment, sealing it and starting the next when it
/// would outgrow its size. Handed to the flusher thread when the writer opens and used
/// only there.
final class SegmentFlusher: @unchecked Sendable {
    enum Outcome {
        case written
        /// The write failed and the segment was cut back; records up to `durable` stand.
        case rolledBack(durable: UInt64, EventLogError)
        /// The segment's state is unknown; records up to `durable` stand.
        case failed(durable: UInt64, EventLogError)
    }

    private let directory: String
    private let segmentBytes: Int64
    private var file: LogFile
    private var size: Int64
    private let diskFullWhileExists: String?

    init(directory: String, segment: Segment, size: Int64, segmentBytes: Int,
         diskFullWhileExists: String? = nil) throws(EventLogError) {
        self.directory = directory
        self.diskFullWhileExists = diskFullWhileExists
        self.segmentBytes = Int64(segmentBytes)
        self.file = try LogFile(path: segment.path, flags: O_WRONLY | O_APPEND)
        self.size = size
    }

    func write(_ batch: WriterState.Batch) -> Outcome {
        var durable = batch.firstSeq - 1
        if let flag = diskFullWhileExists, access(flag, F_OK) == 0 {
            return .rolledBack(durable: durable, .io(operation: "write", path: file.path, errno: ENOSPC))
        }
        var index = 0
        var byteStart = 0
        while index < batch.recordEnds.count {
            if size > 0, size + Int64(batch.recordEnds[index] - byteStart) > segmentBytes {
                do throws(EventLogError) {
                    try rotate(firstSeq: batch.firstSeq + UInt64(index))
                } catch {
                    return .rolledBack(durable: durable, error)
                }
            }
            // As many records as fit, and always at least one.
            var last = index
            while last + 1 < batch.recordEnds.count, size + Int64(batch.recordEnds[last + 1] - byteStart) <= segmentBytes {
                last += 1
            }
            let chunk = byteStart..<batch.recordEnds[last]
            do throws(EventLogError) {
                try batch.bytes.withUnsafeBytes { raw in
                    Swift.Result { () throws(EventLogError) in try file.writeAll(UnsafeRawBufferPointer(rebasing: raw[chunk])) }
                }.get()
            } catch {
                return rollBack(to: size, durable: durable, error)
            }
            do throws(EventLogError) {
                try file.syncData()
            } catch {
                return .failed(durable: durable, error)
            }
            size += Int64(chunk.count)
            durable = batch.firstSeq + UInt64(last)
            index = last + 1
            byteStart = chunk.upperBound
        }
        return .written
    }

    /// A failed write may have left part of the batch behind: cut it off so the file ends
    /// on a whole record again, as if the batch had never been written.
    private func rollBack(to length: Int64, durable: UInt64, _ error: EventLogError) -> Outcome {
        do throws(EventLogError) {
            try file.truncate(to: length)
            try file.syncData()
            return .rolledBack(durable: durable, error)
        } catch {
            return .failed(durable: durable, error)
        }
    }

    private func rotate(firstSeq: UInt64) throws(EventLogError) {
        let next = Segment(firstSeq: firstSeq, directory: directory)
        // An empty segment of that name may be left by a rotation whose batch failed.
        file = try LogFile(path: next.path, flags: O_WRONLY | O_APPEND | O_CREAT)
        size = try file.size()
        try LogFile.syncDirectory(directory)
    }
}
