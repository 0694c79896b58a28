import EventLog
import Foundation
import Ingest
import SystemPackage

/// `<state>/index/other-hosts.bin`: the other hosts' records a host has followed from the
/// shared stream, kept so that its next start reads only what is new in the stream. A
/// cache like the rest of `index/`: the host's own log stays the truth of its own records,
/// the stream the truth of the others', and the file can always be thrown away and read
/// again from the stream (another database, another host name, another format, a damaged
/// header).
///
/// The texts are not kept twice: applying a record stores its article's text in the state
/// folder's `articles/`, so a frame only names each text (content id and byte count), and
/// is used at start only while every text it names is there with its size. A frame is
/// appended once its records are fetched, before they are applied: a crash between the two
/// leaves a frame whose texts are missing, which is cut with everything after it and read
/// again from the stream. Nothing is synced: a tail lost with the machine is read again too.
///
/// Layout: a header (magic line, then [length: UInt32 LE][identity][length: UInt32 LE][host]
/// [CRC-32C of what came before it: UInt32 LE]), then frames of [payload length: UInt32 LE]
/// [CRC-32C of the payload: UInt32 LE][payload]; a payload is [through: Int64 LE][records:
/// UInt32 LE] and per record [position: Int64 LE][host: UInt16 LE length + bytes][line:
/// UInt32 LE length + bytes][content id: UInt8 length + bytes, empty without a text][text
/// bytes: UInt32 LE]. `through` is the stream position the frame's fetch read through.
public final class OtherHostsCache {
    static let magic = Array("claimwatch other-hosts 1\n".utf8)
    /// Frames larger than this are damage, not data (a batch of 2,000 records is a few MB).
    static let largestFrame = 1 << 30

    let path: String
    private let texts: ArticleStore
    private var descriptor: Int32 = -1
    /// Set once an append failed: nothing more is appended in this process.
    var failed = false
    /// The file as `open` read it, for `replay`.
    private var read: [UInt8]?

    /// What `open` found.
    enum Opening: Equatable {
        /// The cache holds frames for this stream through `through`.
        case resumed(through: Int64)
        /// Nothing usable: made anew (`reason` says why the old one went, nil when there was none).
        case fresh(reason: String?)
    }

    /// - Parameter texts: the state folder's article store, where the records' texts are.
    init(path: String, texts: String) {
        self.path = path
        self.texts = ArticleStore(folder: texts)
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// Checks the file against the stream followed now (`identity`, as the readers'
    /// projection names a database; `host`, whose records the follower leaves out; `head`,
    /// the stream's last position) and makes it anew when it does not belong to it.
    func open(identity: String, host: String, head: Int64) throws(ClusterStoreError) -> Opening {
        closeDescriptor()
        guard let bytes = Self.contents(of: path) else {
            try reset(identity: identity, host: host)
            return .fresh(reason: nil)
        }
        var reason: String?
        var through: Int64 = 0
        switch Self.header(bytes) {
        case nil:
            reason = "its header is damaged or of another version"
        case let (_, cachedHost, _)? where cachedHost != host:
            reason = "it was written under the host name '\(cachedHost)'"
        case let (cached, _, _)? where !Self.sameStream(cached, identity):
            reason = "it was made from another database (or this one before it was recreated)"
        case let (_, _, end)?:
            through = Self.lastThrough(bytes, from: end)
            if through > head { reason = "it reaches position \(through), past the stream's head \(head)" }
        }
        if let reason {
            try reset(identity: identity, host: host)
            return .fresh(reason: reason)
        }
        read = bytes
        return .resumed(through: through)
    }

    /// Hands over the frames in order, each as a batch, while every text a frame names is
    /// in the article store; cuts the file after the last whole frame handed over. Returns
    /// the position read through, the records handed over, and why it stopped early (a torn
    /// frame or a missing text), if it did. It throws only before handing over anything.
    func replay(_ deliver: ([OtherHostsFollower.Followed]) -> Void) throws(ClusterStoreError)
        -> (through: Int64, records: Int, cut: String?) {
        defer { read = nil }
        guard let bytes = read ?? Self.contents(of: path),
              let (_, _, start) = Self.header(bytes) else {
            throw .cache("\(path) changed while it was read")
        }
        var reader = FrameReader(bytes: bytes, offset: start)
        var through: Int64 = 0
        var records = 0
        var cut: String?
        while let frame = reader.next() {
            var batch: [OtherHostsFollower.Followed] = []
            batch.reserveCapacity(frame.records.count)
            for record in frame.records {
                var text: String?
                if let content = record.content {
                    text = texts.text(for: content)
                    guard let found = text, found.utf8.count == record.textBytes else {
                        cut = "the text of \(content) is not in the article store (a crash before it was stored)"
                        break
                    }
                }
                batch.append(OtherHostsFollower.Followed(position: record.position, host: record.host, line: record.line, text: text,
                                                         kept: true))
            }
            guard cut == nil else { break }
            deliver(batch)
            through = frame.through
            records += batch.count
            reader.accept()
        }
        if cut == nil, reader.accepted < bytes.count { cut = reader.damage ?? "a torn frame at its end" }
        if reader.accepted < bytes.count, truncate(path, off_t(reader.accepted)) != 0 {
            // Appending after what could not be cut would hide the new frames from the next start.
            failed = true
            cut = (cut ?? "") + "; and it cannot be cut there (\(Errno(rawValue: errno))): nothing more is kept in it"
        }
        return (through, records, cut)
    }

    /// Appends the records one fetch brought (possibly none) and the position it read through.
    func append(_ records: [OtherHostsFollower.Followed], through: Int64) throws(ClusterStoreError) {
        if descriptor < 0 {
            descriptor = Foundation.open(path, O_WRONLY | O_APPEND | O_CLOEXEC)
            guard descriptor >= 0 else { throw .io(operation: "open", path: path, errno: errno) }
        }
        var payload: [UInt8] = []
        payload.reserveCapacity(12 + records.reduce(0) { $0 + 64 + $1.host.utf8.count + $1.line.utf8.count })
        Self.put(UInt64(bitPattern: through), into: &payload)
        Self.put(UInt32(records.count), into: &payload)
        for record in records {
            Self.put(UInt64(bitPattern: record.position), into: &payload)
            let host = Array(record.host.utf8.prefix(Int(UInt16.max)))
            Self.put(UInt16(host.count), into: &payload)
            payload += host
            Self.put(UInt32(record.line.utf8.count), into: &payload)
            payload += record.line.utf8
            let content = record.text == nil ? [] : Array(Self.content(of: record.line).utf8.prefix(255))
            payload.append(UInt8(content.count))
            payload += content
            Self.put(UInt32(record.text?.utf8.count ?? 0), into: &payload)
        }
        var frame: [UInt8] = []
        frame.reserveCapacity(payload.count + 8)
        Self.put(UInt32(payload.count), into: &frame)
        Self.put(CRC32C.checksum(payload), into: &frame)
        frame += payload
        try write(frame)
    }

    /// Throws away what the file holds (the stream went back under it): it starts again empty,
    /// and appending goes on.
    func discard(identity: String, host: String) throws(ClusterStoreError) {
        read = nil
        try reset(identity: identity, host: host)
        failed = false
    }

    /// Replaces the file with an empty one for this stream (written aside, synced, renamed in).
    private func reset(identity: String, host: String) throws(ClusterStoreError) {
        closeDescriptor()
        var header = Self.magic
        Self.put(UInt32(identity.utf8.count), into: &header)
        header += identity.utf8
        Self.put(UInt32(host.utf8.count), into: &header)
        header += host.utf8
        Self.put(CRC32C.checksum(header), into: &header)
        let temporary = path + ".new"
        let output = Foundation.open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw .io(operation: "create", path: temporary, errno: errno) }
        descriptor = output
        defer { closeDescriptor() }
        try write(header)
        guard fsync(output) == 0 else { throw .io(operation: "fsync", path: temporary, errno: errno) }
        guard rename(temporary, path) == 0 else { throw .io(operation: "rename into place", path: path, errno: errno) }
    }

    private func write(_ bytes: [UInt8]) throws(ClusterStoreError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                throw .io(operation: "write", path: path, errno: errno)
            }
            written += result
        }
    }

    private func closeDescriptor() {
        if descriptor >= 0 { close(descriptor) }
        descriptor = -1
    }

    /// The same stream: the same identity, or one taken while the stream was still empty
    /// (its first record then unknown) of the same server, database and table.
    static func sameStream(_ cached: String, _ current: String) -> Bool {
        guard cached != current else { return true }
        let before = cached.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        let now = current.split(separator: "/", maxSplits: 3, omittingEmptySubsequences: false)
        return before.count == 4 && now.count == 4 && before[3].isEmpty && before[0..<3] == now[0..<3]
    }

    /// The content id an article's or a kept copy's record names.
    private static func content(of line: String) -> String {
        guard let record = LogRecord(line: Array(line.utf8)) else { return "" }
        switch try? record.event() {
        case let .articleIngested(ingested): return ingested.content
        case let .articleDuplicate(copy): return copy.content ?? ""
        default: return ""
        }
    }

    /// The header's identity, host and where the frames begin; nil when it is not one.
    static func header(_ bytes: [UInt8]) -> (identity: String, host: String, end: Int)? {
        guard bytes.starts(with: magic) else { return nil }
        var reader = ByteReader(bytes: bytes, offset: magic.count)
        guard let identityLength = reader.uint32(), let identity = reader.string(Int(identityLength)),
              let hostLength = reader.uint32(), let host = reader.string(Int(hostLength)) else { return nil }
        let covered = reader.offset
        guard let crc = reader.uint32(), crc == CRC32C.checksum(bytes[0..<covered]) else { return nil }
        return (identity, host, reader.offset)
    }

    /// What a cache file's bytes hold, as a start reads them: the stream they were made
    /// from, the host, the records and the position of the whole frames, and the length of
    /// the part a start keeps (the rest is cut). nil when the header is not one.
    public static func contents(of bytes: [UInt8]) -> (identity: String, host: String, records: Int, through: Int64, whole: Int)? {
        guard let (identity, host, start) = header(bytes) else { return nil }
        var reader = FrameReader(bytes: bytes, offset: start)
        var records = 0
        var through: Int64 = 0
        while let frame = reader.next() {
            records += frame.records.count
            through = frame.through
            reader.accept()
        }
        return (identity, host, records, through, reader.accepted)
    }

    /// The position the last frame after `start` that is there in full says it read
    /// through, found by the frames' lengths alone: checking every checksum and record twice
    /// would cost a start as much again (`replay` checks them as it hands them over).
    static func lastThrough(_ bytes: [UInt8], from start: Int) -> Int64 {
        var reader = ByteReader(bytes: bytes, offset: start)
        var through: Int64 = 0
        while let length = reader.uint32(), reader.uint32() != nil, Int(length) <= largestFrame,
              reader.offset + Int(length) <= bytes.count {
            var payload = ByteReader(bytes: bytes, offset: reader.offset)
            guard let last = payload.uint64() else { break }
            through = max(through, Int64(bitPattern: last))
            reader = ByteReader(bytes: bytes, offset: reader.offset + Int(length))
        }
        return through
    }

    /// The whole file, read straight into one array; nil when it cannot be read.
    static func contents(of path: String) -> [UInt8]? {
        let descriptor = Foundation.open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        return read(descriptor, count: Int(status.st_size), at: 0)
    }

    /// Up to `count` bytes at `offset` (fewer at the end of the file); nil when reading fails.
    static func read(_ descriptor: Int32, count: Int, at offset: Int) -> [UInt8]? {
        var failed = false
        let bytes = [UInt8](unsafeUninitializedCapacity: count) { buffer, filled in
            filled = 0
            while filled < count {
                let result = pread(descriptor, buffer.baseAddress! + filled, count - filled, off_t(offset + filled))
                if result < 0 && errno == EINTR { continue }
                guard result > 0 else {
                    failed = result < 0
                    return
                }
                filled += result
            }
        }
        return failed ? nil : bytes
    }

    static func put<T: FixedWidthInteger>(_ value: T, into bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes += $0 }
    }
}
