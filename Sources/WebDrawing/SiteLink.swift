import EventLog

/// A link to a page of this site: fixed path segments and values from the record, each
/// value percent-encoded, so a hostile id or name cannot leave its segment, start a
/// query, or turn the link into another scheme (every link starts with "/").
public struct SiteLink: Sendable, Equatable, CustomStringConvertible {
    public let path: String

    /// `segments` are joined with "/" after a leading "/"; `query` pairs follow a "?".
    public init(_ segments: [String], query: [(String, String)] = []) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(64)
        for segment in segments {
            bytes.append(UInt8(ascii: "/"))
            Self.encode(segment, into: &bytes)
        }
        if bytes.isEmpty { bytes.append(UInt8(ascii: "/")) }
        for (index, (name, value)) in query.enumerated() {
            bytes.append(index == 0 ? UInt8(ascii: "?") : UInt8(ascii: "&"))
            Self.encode(name, into: &bytes)
            bytes.append(UInt8(ascii: "="))
            Self.encode(value, into: &bytes)
        }
        path = String(decoding: bytes, as: UTF8.self)
    }

    public var description: String { path }

    public static let overview = SiteLink([])
    public static func article(_ id: String) -> SiteLink { SiteLink(["articles", id]) }
    public static func topic(_ id: String) -> SiteLink { SiteLink(["topics", id]) }
    public static func story(_ id: String) -> SiteLink { SiteLink(["stories", id]) }
    public static func topicCSV(_ id: String) -> SiteLink { SiteLink(["api", "topics", id, "figures.csv"]) }
    public static func claimant(_ canonical: String) -> SiteLink { SiteLink(["claimants", canonical]) }
    public static func search(_ words: String) -> SiteLink { SiteLink(["search"], query: [("q", words)]) }

    /// Percent-encodes all but RFC 3986's unreserved characters.
    public static func encode(_ value: String) -> String {
        // Ids are plain: handed back as they are.
        guard value.utf8.contains(where: { !isUnreserved($0) }) else { return value }
        var encoded: [UInt8] = []
        encoded.reserveCapacity(value.utf8.count * 3)
        encode(value, into: &encoded)
        return String(decoding: encoded, as: UTF8.self)
    }

    static func encode(_ value: String, into bytes: inout [UInt8]) {
        for byte in value.utf8 {
            if isUnreserved(byte) {
                bytes.append(byte)
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(hexDigit(byte >> 4))
                bytes.append(hexDigit(byte & 0x0F))
            }
        }
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
             UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
    }

    /// Decodes a percent-encoded path segment or query value ("+" is a space in a query);
    /// nil when an escape is malformed.
    public static func decode(_ value: Substring, plusIsSpace: Bool) -> String? {
        PercentDecoding.bytes(value, plusIsSpace: plusIsSpace).map { String(decoding: $0, as: UTF8.self) }
    }

    /// A query string's pairs as an HTML form sends them ("+" for a space, percent
    /// escapes); the first of a repeated name wins, and a pair that does not decode is
    /// left out.
    public static func query(_ query: String) -> [String: String] {
        var values: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = decode(parts[0], plusIsSpace: true), values[key] == nil else { continue }
            guard let value = parts.count > 1 ? decode(parts[1], plusIsSpace: true) : "" else { continue }
            values[key] = value
        }
        return values
    }
}
