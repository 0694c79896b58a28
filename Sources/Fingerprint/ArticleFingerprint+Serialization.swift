/// A compact, versioned byte form of a fingerprint, for the store to persist:
/// "CWFP", version, permutations, bands, parameter digest, shingle count, SHA-256 digest,
/// signature, band keys, all little-endian (≈ 280 bytes at the defaults).
extension ArticleFingerprint {
    static let magic: [UInt8] = Array("CWFP".utf8)
    static let version: UInt8 = 1

    public func serialized(parameters: FingerprintParameters) -> [UInt8] {
        var bytes = Self.magic
        bytes.append(Self.version)
        Self.append(UInt16(signature.count), to: &bytes)
        Self.append(UInt16(bandKeys.count), to: &bytes)
        Self.append(parameters.digest, to: &bytes)
        Self.append(shingleCount, to: &bytes)
        bytes += contentDigest
        bytes += signature
        for key in bandKeys { Self.append(key, to: &bytes) }
        return bytes
    }

    public init(serialized bytes: [UInt8], parameters: FingerprintParameters) throws(FingerprintError) {
        var reader = ByteReader(bytes: bytes)
        guard try reader.take(4) == Self.magic else { throw .corrupt("not a fingerprint") }
        guard try reader.take(1) == [Self.version] else { throw .corrupt("unknown fingerprint version") }
        let permutations = Int(try reader.integer(UInt16.self))
        let bands = Int(try reader.integer(UInt16.self))
        let digest = try reader.integer(UInt64.self)
        guard digest == parameters.digest, permutations == parameters.permutations,
              bands == 0 || bands == parameters.bands else {
            throw .parameterMismatch(expected: parameters, found: "\(permutations) permutations, \(bands) bands")
        }
        let shingles = try reader.integer(UInt32.self)
        let content = try reader.take(32)
        let signature = try reader.take(permutations)
        var keys = [UInt32]()
        for _ in 0..<bands { keys.append(try reader.integer(UInt32.self)) }
        guard reader.atEnd else { throw .corrupt("trailing bytes") }
        self.init(contentDigest: content, shingleCount: shingles, signature: signature, bandKeys: keys)
    }

    static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        var little = value.littleEndian
        withUnsafeBytes(of: &little) { bytes.append(contentsOf: $0) }
    }
}

/// Reads little-endian fields from serialized bytes, failing instead of trapping.
struct ByteReader {
    let bytes: [UInt8]
    var position = 0

    var atEnd: Bool { position == bytes.count }

    mutating func take(_ count: Int) throws(FingerprintError) -> [UInt8] {
        guard count <= bytes.count - position else { throw .corrupt("truncated at byte \(position)") }
        defer { position += count }
        return Array(bytes[position..<(position + count)])
    }

    mutating func integer<T: FixedWidthInteger>(_ type: T.Type) throws(FingerprintError) -> T {
        var value: T = 0
        for (shift, byte) in try take(MemoryLayout<T>.size).enumerated() {
            value |= T(truncatingIfNeeded: byte) << (shift * 8)
        }
        return value
    }
}
