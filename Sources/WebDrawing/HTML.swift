/// A piece of HTML that is safe to send. There is no way to make one from a runtime
/// `String` without escaping it: the literal parts of `"<p>\(text)</p>"` are
/// `StaticString`s, so they can only be markup written in this module's source, and every
/// interpolated `String` (or number) is escaped for text and for double-quoted
/// attributes alike. Only another `HTML` value goes in as it is. Dropped files are
/// hostile, and a page is built from their titles, outlets and text: forgetting to
/// escape one of them must not compile, rather than be caught in review.
public struct HTML: Sendable, ExpressibleByStringInterpolation {
    public private(set) var bytes: [UInt8]

    public init() {
        bytes = []
    }

    public init(stringLiteral literal: StaticString) {
        bytes = Self.literalBytes(literal)
    }

    public init(stringInterpolation: StringInterpolation) {
        bytes = stringInterpolation.bytes
    }

    /// Text, escaped.
    public init(text: String) {
        bytes = []
        Self.escape(text, into: &bytes)
    }

    public mutating func append(_ other: HTML) {
        bytes.append(contentsOf: other.bytes)
    }

    public static func + (left: HTML, right: HTML) -> HTML {
        var joined = left
        joined.append(right)
        return joined
    }

    /// The pieces one after another.
    public static func join(_ pieces: some Sequence<HTML>) -> HTML {
        var joined = HTML()
        for piece in pieces { joined.append(piece) }
        return joined
    }

    public struct StringInterpolation: StringInterpolationProtocol {
        var bytes: [UInt8] = []

        public init(literalCapacity: Int, interpolationCount: Int) {
            bytes.reserveCapacity(literalCapacity + interpolationCount * 16)
        }

        public mutating func appendLiteral(_ literal: StaticString) {
            literal.withUTF8Buffer { bytes.append(contentsOf: $0) }
        }

        public mutating func appendInterpolation(_ text: String) {
            HTML.escape(text, into: &bytes)
        }

        public mutating func appendInterpolation(_ text: Substring) {
            HTML.escape(String(text), into: &bytes)
        }

        /// An optional's text, or nothing.
        public mutating func appendInterpolation(_ text: String?) {
            if let text { HTML.escape(text, into: &bytes) }
        }

        public mutating func appendInterpolation(_ number: Int) {
            HTML.decimal(Int64(number), into: &bytes)
        }

        public mutating func appendInterpolation(_ number: Int64) {
            HTML.decimal(number, into: &bytes)
        }

        public mutating func appendInterpolation(_ html: HTML) {
            bytes.append(contentsOf: html.bytes)
        }

        public mutating func appendInterpolation(_ pieces: [HTML]) {
            for piece in pieces { bytes.append(contentsOf: piece.bytes) }
        }

        /// A URL of this site, escaped as an attribute value.
        public mutating func appendInterpolation(_ link: SiteLink) {
            HTML.escape(link.path, into: &bytes)
        }

        /// A coordinate in an SVG drawing: two decimals at most, never an exponent.
        public mutating func appendInterpolation(_ coordinate: Double) {
            SVGNumber.write(coordinate, into: &bytes)
        }
    }

    /// An integer's digits written straight into the bytes: a large page writes thousands,
    /// and a String for each cost more than the rest of its row.
    static func decimal(_ number: Int64, into bytes: inout [UInt8]) {
        if number < 0 { bytes.append(UInt8(ascii: "-")) }
        digits(number.magnitude, into: &bytes)
    }

    static func digits(_ magnitude: UInt64, into bytes: inout [UInt8]) {
        var divisor: UInt64 = 1
        while divisor <= magnitude / 10 { divisor *= 10 }
        while divisor > 0 {
            bytes.append(UInt8(ascii: "0") + UInt8(magnitude / divisor % 10))
            divisor /= 10
        }
    }

    static func literalBytes(_ literal: StaticString) -> [UInt8] {
        literal.withUTF8Buffer { Array($0) }
    }

    /// Escapes the five characters that matter in text and in quoted attributes, so one
    /// escape serves both places.
    static func escape(_ text: String, into bytes: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            // Most text holds none of them: copied in one piece.
            guard utf8.contains(where: needsEscape) else {
                bytes.append(contentsOf: utf8)
                return
            }
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: "&"): bytes.append(contentsOf: [0x26, 0x61, 0x6D, 0x70, 0x3B])  // &amp;
                case UInt8(ascii: "<"): bytes.append(contentsOf: [0x26, 0x6C, 0x74, 0x3B])  // &lt;
                case UInt8(ascii: ">"): bytes.append(contentsOf: [0x26, 0x67, 0x74, 0x3B])  // &gt;
                case UInt8(ascii: "\""): bytes.append(contentsOf: [0x26, 0x71, 0x75, 0x6F, 0x74, 0x3B])  // &quot;
                case UInt8(ascii: "'"): bytes.append(contentsOf: [0x26, 0x23, 0x33, 0x39, 0x3B])  // &#39;
                // NUL is not allowed in HTML text; the replacement character shows where it was.
                case 0: bytes.append(contentsOf: [0xEF, 0xBF, 0xBD])
                default: bytes.append(byte)
                }
            }
        }
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "&"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "'"), 0: true
        default: false
        }
    }
}
