import EventLog
import Foundation
public import Ingest
import SystemPackage

/// The other hosts' records a host followed, read back from its cache of them
/// (`OtherHostsCache`, `<state>/index/other-hosts.bin`) whenever its pipeline builds its
/// memory again from its log (after a late verdict, or records the log refused), so the
/// pipeline holds none of them in memory. The follower appends a frame before it hands the
/// frame's records over, so the file holds every record the pipeline applied, and perhaps
/// a few it has not yet (the pipeline tells them by their seqs).
///
/// A frame at a time, read where it lies: the file is hundreds of MB at hundreds of
/// thousands of records, and the follower may be appending to it meanwhile (a frame not
/// there in full is one being written: the end).
public final class FollowedRecords: SharedRecordArchive, Sendable {
    private let location: OtherHostsFollower.CacheLocation

    public init(_ location: OtherHostsFollower.CacheLocation) {
        self.location = location
    }

    public func replay(_ deliver: ([SharedRecord]) -> Void) -> String? {
        let path = location.path
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return "cannot open \(path): \(Errno(rawValue: errno))" }
        defer { close(descriptor) }
        let texts = ArticleStore(folder: location.texts)
        // The header is a magic line, the database's identity and the host name: well inside this.
        guard let head = OtherHostsCache.read(descriptor, count: 1 << 16, at: 0) else { return "cannot read \(path): \(Errno(rawValue: errno))" }
        guard let (_, _, start) = OtherHostsCache.header(head) else { return "\(path) has no header of this version" }
        var offset = start
        var through: Int64 = 0
        while true {
            guard let lengths = OtherHostsCache.read(descriptor, count: 8, at: offset) else { return "cannot read \(path): \(Errno(rawValue: errno))" }
            guard lengths.count == 8 else { return nil }
            let length = Int(lengths[0]) | Int(lengths[1]) << 8 | Int(lengths[2]) << 16 | Int(lengths[3]) << 24
            guard length <= OtherHostsCache.largestFrame else { return "a damaged frame at byte \(offset) of \(path)" }
            guard let payload = OtherHostsCache.read(descriptor, count: length, at: offset + 8) else {
                return "cannot read \(path): \(Errno(rawValue: errno))"
            }
            guard payload.count == length else { return nil }
            // Read as a start reads the file: a frame whose positions go back is damage too.
            var reader = OtherHostsCache.FrameReader(bytes: lengths + payload, offset: 0, after: through)
            guard let frame = reader.next() else { return "a damaged frame at byte \(offset) of \(path)" }
            through = frame.through
            deliver(frame.records.compactMap { record in
                LogRecord(line: Array(record.line.utf8)).map { line in
                    let text = record.content.flatMap(texts.text).flatMap { $0.utf8.count == record.textBytes ? $0 : nil }
                    return SharedRecord(host: record.host, record: line, text: text, kept: true)
                }
            })
            offset += 8 + length
        }
    }
}
