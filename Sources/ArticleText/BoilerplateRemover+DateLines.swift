extension BoilerplateRemover {
    /// Words from which a line says more than when it was written.
    static let dateLineWords = 8

    /// On a web page, the lines above the body's first paragraph of prose that give a date or
    /// a time and little else ("Aktualisiert: 11.04.2020, 10:27", "24. März 2004, 19:49 |
    /// Genesis", "05 de mayo de 2022") are the page's, not the article's text. Told by their
    /// shape: short, a year or a clock time in them, digits a good part of them, in any
    /// language. The published date is still read from them (`ArticleAssembler`).
    static func dropDateLines(
        _ blocks: [TextBlock], _ features: [BlockFeatures], title: Int?,
        _ quality: inout [Quality], _ decisions: inout [BlockDecision]
    ) {
        guard let firstProse = quality.indices.first(where: {
            quality[$0] == .good && $0 != title && features[$0].words >= 20
        }) else { return }
        for index in 0..<firstProse where quality[index] == .good && index != title
            && features[index].words <= dateLineWords && isDateLine(blocks[index].text) {
            quality[index] = .bad
            decisions[index].reason = .dateLine
        }
    }

    /// Digits at least three tenths of the line's visible characters, and among them a year
    /// (four digits from 1900 to 2099) or a time of day (`h:mm`).
    static func isDateLine(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.filter { !$0.properties.isWhitespace })
        let digits = scalars.filter { $0.isASCII && $0.properties.numericType != nil }.count
        guard !scalars.isEmpty, digits * 10 >= scalars.count * 3 else { return false }
        let bytes = Array(text.utf8)
        func isDigit(_ index: Int) -> Bool { index >= 0 && index < bytes.count && UTF8Bytes.isASCIIDigit(bytes[index]) }
        for index in bytes.indices where isDigit(index) && !isDigit(index - 1) {
            var end = index
            while isDigit(end) { end += 1 }
            let run = end - index
            if run == 4, bytes[index] == UInt8(ascii: "1") && bytes[index + 1] == UInt8(ascii: "9")
                || bytes[index] == UInt8(ascii: "2") && bytes[index + 1] == UInt8(ascii: "0") {
                return true
            }
            if run <= 2, end + 2 < bytes.count, bytes[end] == UInt8(ascii: ":"), isDigit(end + 1), isDigit(end + 2),
               !isDigit(end + 3) {
                return true
            }
        }
        return false
    }
}
