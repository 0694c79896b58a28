import Foundation

/// One file of the log, named by the `seq` of its first record: `00000000000000000001.log`.
public struct Segment: Sendable, Hashable, Comparable {
    public let firstSeq: UInt64
    public let path: String

    static let nameDigits = 20
    static let suffix = ".log"

    public init(firstSeq: UInt64, directory: String) {
        self.firstSeq = firstSeq
        self.path = directory + "/" + Self.name(for: firstSeq)
    }

    public var name: String { Self.name(for: firstSeq) }

    static func name(for seq: UInt64) -> String {
        let digits = String(seq)
        return String(repeating: "0", count: max(0, nameDigits - digits.count)) + digits + suffix
    }

    static func firstSeq(ofName name: String) -> UInt64? {
        guard name.utf8.count == nameDigits + suffix.utf8.count, name.hasSuffix(suffix) else { return nil }
        let digits = name.utf8.prefix(nameDigits)
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return nil }
        return UInt64(String(decoding: digits, as: UTF8.self))
    }

    /// The segments in `directory`, oldest first. A missing directory holds none.
    public static func list(in directory: String) throws(EventLogError) -> [Segment] {
        guard let handle = opendir(directory) else {
            if errno == ENOENT { return [] }
            throw .io(operation: "opendir", path: directory, errno: errno)
        }
        defer { closedir(handle) }
        var segments: [Segment] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if let seq = firstSeq(ofName: name) {
                segments.append(Segment(firstSeq: seq, directory: directory))
            }
        }
        return segments.sorted()
    }

    /// The index of the segment that holds `seq`: the last one starting at or before it.
    static func index(holding seq: UInt64, in segments: [Segment]) -> Int? {
        var low = 0, high = segments.count
        while low < high {
            let middle = (low + high) / 2
            if segments[middle].firstSeq <= seq { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? (segments.isEmpty ? nil : 0) : low - 1
    }

    public static func < (lhs: Segment, rhs: Segment) -> Bool { lhs.firstSeq < rhs.firstSeq }
}
