import Foundation

/// The fields every record carries, read without a full JSON parse.
public struct Envelope: Sendable, Equatable {
    public var seq: UInt64
    public var type: String
    public var time: String

    public init(seq: UInt64, type: String, time: String) {
        self.seq = seq
        self.type = type
        self.time = time
    }

    /// Reads the envelope in the order the writer puts it; a record laid out some other
    /// way (a newer writer, a hand-made line) goes through a JSON parser instead.
    init?(_ line: UnsafeRawBufferPointer) {
        if let fast = Self.fast(line) { self = fast; return }
        guard let object = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
              let seq = (object["seq"] as? NSNumber)?.uint64Value, let type = object["type"] as? String
        else { return nil }
        self.init(seq: seq, type: type, time: object["time"] as? String ?? "")
    }

    private static let seqPrefix = Array(#"{"seq":"#.utf8)
    private static let timePrefix = Array(#","time":""#.utf8)
    private static let typePrefix = Array(#"","type":""#.utf8)

    private static func fast(_ line: UnsafeRawBufferPointer) -> Envelope? {
        var index = 0
        func expect(_ literal: [UInt8]) -> Bool {
            guard index + literal.count <= line.count else { return false }
            for byte in literal {
                guard line[index] == byte else { return false }
                index += 1
            }
            return true
        }
        guard expect(seqPrefix) else { return nil }
        var seq: UInt64 = 0
        let digitsStart = index
        while index < line.count, line[index] >= 0x30, line[index] <= 0x39, index - digitsStart < 20 {
            seq = seq &* 10 &+ UInt64(line[index] - 0x30)
            index += 1
        }
        guard index > digitsStart, expect(timePrefix), index + Timestamp.length <= line.count else { return nil }
        let time = String(decoding: UnsafeRawBufferPointer(rebasing: line[index..<(index + Timestamp.length)]), as: UTF8.self)
        index += Timestamp.length
        guard expect(typePrefix) else { return nil }
        let typeStart = index
        while index < line.count, line[index] != UInt8(ascii: "\"") {
            // An escaped type name is legal JSON but never written by us: let the parser decide.
            if line[index] == UInt8(ascii: "\\") { return nil }
            index += 1
        }
        guard index < line.count else { return nil }
        let type = String(decoding: UnsafeRawBufferPointer(rebasing: line[typeStart..<index]), as: UTF8.self)
        return Envelope(seq: seq, type: type, time: time)
    }
}
