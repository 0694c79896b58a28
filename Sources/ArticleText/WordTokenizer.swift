/// Words with their scalar offsets, for the claims stage: runs of letters and digits that
/// keep inner apostrophes and hyphens ("Russia’s", "state-backed") and inner separators of
/// numbers ("600,000", "3.5").
public enum WordTokenizer {
    public static func tokens(in text: String) -> [TextSpan] {
        let scalars = Array(text.unicodeScalars)
        var tokens = [TextSpan]()
        forEachRange(scalars) { start, end in
            tokens.append(TextSpan(text: String(String.UnicodeScalarView(scalars[start..<end])), start: start, end: end))
        }
        return tokens
    }

    /// The number of words in `text`, as `tokens(in:)` would find them.
    public static func count(in text: String) -> Int {
        var words = 0
        forEachRange(Array(text.unicodeScalars)) { _, _ in words += 1 }
        return words
    }

    static func forEachRange(_ scalars: [Unicode.Scalar], _ body: (Int, Int) -> Void) {
        var index = 0
        while index < scalars.count {
            guard isWordScalar(scalars[index]) else { index += 1; continue }
            let start = index
            index += 1
            while index < scalars.count {
                if isWordScalar(scalars[index]) { index += 1; continue }
                if index + 1 < scalars.count, joins(scalars[index], scalars[index - 1], scalars[index + 1]) {
                    index += 2
                    continue
                }
                break
            }
            body(start, index)
        }
    }

    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let value = scalar.value
            return (value | 0x20) &- 0x61 < 26 || value &- 0x30 < 10
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    static func joins(_ joiner: Unicode.Scalar, _ before: Unicode.Scalar, _ after: Unicode.Scalar) -> Bool {
        switch joiner {
        case "'", "\u{2019}", "-", "\u{2010}", "\u{2011}":
            return isWordScalar(before) && isWordScalar(after)
        case ".", ",":
            return before.properties.numericType != nil && after.properties.numericType != nil
        default:
            return false
        }
    }
}
