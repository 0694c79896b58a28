/// Numbers as an SVG attribute takes them: at most two decimals, no exponent, no "-0".
enum SVGNumber {
    static func text(_ value: Double) -> String {
        var bytes: [UInt8] = []
        write(value, into: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Writes the digits straight into a page's bytes: a chart of 2,000 marks writes some
    /// 20,000 numbers, and a String for each was a third of drawing it.
    static func write(_ value: Double, into bytes: inout [UInt8]) {
        let hundredths = value.isFinite ? (value * 100).rounded() : 0
        guard abs(hundredths) < 1e15, hundredths != 0 else {
            bytes.append(UInt8(ascii: "0"))
            return
        }
        let whole = Int64(hundredths)
        if whole < 0 { bytes.append(UInt8(ascii: "-")) }
        let magnitude = whole.magnitude
        let integer = magnitude / 100, fraction = UInt8(magnitude % 100)
        HTML.digits(integer, into: &bytes)
        guard fraction > 0 else { return }
        bytes.append(UInt8(ascii: "."))
        bytes.append(UInt8(ascii: "0") + fraction / 10)
        if fraction % 10 != 0 { bytes.append(UInt8(ascii: "0") + fraction % 10) }
    }
}
