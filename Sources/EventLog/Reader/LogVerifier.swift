/// Checks a whole log: every checksum, `seq` continuity within and across segments,
/// segment names, and torn tails.
public struct LogVerifier: Sendable {
    public struct Problem: Sendable, Equatable, CustomStringConvertible {
        public enum Kind: String, Sendable {
            case badRecord = "bad record"
            case seqGap = "seq gap"
            case tornTail = "torn tail"
            case emptySegment = "empty segment"
        }

        public var kind: Kind
        public var segment: String
        public var offset: Int64
        public var detail: String

        public var description: String { "\(segment) at byte \(offset): \(kind.rawValue): \(detail)" }
    }

    public struct Report: Sendable {
        public var segments = 0
        public var records = 0
        public var bytes: Int64 = 0
        public var firstSeq: UInt64?
        public var lastSeq: UInt64?
        public var recordsByType: [String: Int] = [:]
        public var problems: [Problem] = []
        /// A record is being written right now: a partial last line with the writer running.
        public var writeInProgress = false

        public var isClean: Bool { problems.isEmpty }
    }

    public let directory: String

    public init(directory: String) {
        self.directory = directory
    }

    public func verify() throws(EventLogError) -> Report {
        var report = Report()
        let segments = try Segment.list(in: directory)
        report.segments = segments.count
        var expected: UInt64?
        for (index, segment) in segments.enumerated() {
            let isNewest = index == segments.count - 1
            if let want = expected, segment.firstSeq != want {
                report.problems.append(Problem(kind: .seqGap, segment: segment.name, offset: 0,
                                               detail: "segment is named for seq \(segment.firstSeq) but \(want) comes next"))
            }
            expected = segment.firstSeq
            var scanner = try SegmentScanner(path: segment.path)
            var sawRecord = false
            while let item = try scanner.next() {
                switch item {
                case let .record(record, offset):
                    if let want = expected, record.seq != want {
                        report.problems.append(Problem(kind: .seqGap, segment: segment.name, offset: offset,
                                                       detail: "seq \(record.seq) where \(want) was expected"))
                    }
                    expected = record.seq + 1
                    sawRecord = true
                    report.records += 1
                    report.bytes += Int64(record.line.count + 1)
                    report.recordsByType[record.type, default: 0] += 1
                    if report.firstSeq == nil { report.firstSeq = record.seq }
                    report.lastSeq = record.seq
                case let .damaged(offset, length, reason):
                    report.bytes += Int64(length + 1)
                    report.problems.append(Problem(kind: .badRecord, segment: segment.name, offset: offset, detail: reason))
                    // The damaged line's own seq is unreadable: pick the count up again from the next record.
                    expected = nil
                case let .partial(offset, length):
                    report.bytes += Int64(length)
                    if isNewest, WriterLock.isHeld(directory: directory) {
                        report.writeInProgress = true
                    } else {
                        let note = isNewest ? "; the writer cuts it off when it next opens the log" : ""
                        report.problems.append(Problem(kind: .tornTail, segment: segment.name, offset: offset,
                                                       detail: "\(length) bytes without a final newline\(note)"))
                    }
                }
            }
            if !sawRecord, !isNewest {
                report.problems.append(Problem(kind: .emptySegment, segment: segment.name, offset: 0,
                                               detail: "a sealed segment holds no record"))
            }
        }
        return report
    }
}
