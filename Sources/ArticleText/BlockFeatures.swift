/// What the boilerplate rules look at in one block, measured in a single pass over UTF-8.
struct BlockFeatures {
    var words = 0
    var stopWords = 0
    var letters = 0
    /// Which anchor words occur (see `StopWords.Flags`).
    var anchors: StopWords.Flags = []
    /// Commas and sentence ends, ASCII and CJK (the shape of prose in any language).
    var punctuation = 0
    /// The block ends like a sentence: `.`, `!`, `?`, `…`, possibly inside closing quotes.
    var endsSentence = false
    /// Lowercased ASCII with curly apostrophes folded to `'`, for pattern matching.
    var folded: [UInt8] = []

    /// Function words of the other languages `StopWords` knows.
    var otherStopWords = 0
    /// Words written in ASCII letters only: the only ones looked up as function words.
    var asciiWords = 0

    /// Function words of whichever known language the block has more of.
    var functionWords: Int { max(stopWords, otherStopWords) }
    var stopDensity: Double { words == 0 ? 0 : Double(functionWords) / Double(words) }

    init(_ text: String, stopWords table: StopWords = .shared) {
        var text = text
        text.withUTF8 { bytes in
            folded = [UInt8](unsafeUninitializedCapacity: bytes.count) { output, written in
                written = measure(bytes, into: output, table)
            }
            endsSentence = BlockFeatures.endsSentence(bytes)
        }
    }

    /// Counts words, function words and letters, and writes the folded text; returns its length.
    private mutating func measure(
        _ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>, _ table: StopWords
    ) -> Int {
        var written = 0
        var wordStart = -1
        var wordASCII = true
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // ’ and ‘ (E2 80 99 / 98) fold to an ASCII apostrophe inside words.
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
               bytes[index + 2] == 0x99 || bytes[index + 2] == 0x98 {
                output[written] = UInt8(ascii: "'")
                written += 1
                if wordStart >= 0 { wordASCII = false }
                index += 3
                continue
            }
            // Chinese and Japanese write no spaces: each ideograph or kana is a word, and the
            // ideographic comma and full stop are punctuation.
            if byte >= 0xE3, byte <= 0xE9, index + 2 < bytes.count {
                if wordStart >= 0 {
                    endWord(UnsafeBufferPointer(rebasing: output[wordStart..<written]), ascii: wordASCII, table)
                    wordStart = -1
                }
                if byte == 0xE3, bytes[index + 1] == 0x80 {
                    if bytes[index + 2] == 0x81 || bytes[index + 2] == 0x82 { punctuation += 1 }
                } else {
                    words += 1
                    letters += 1
                }
                for offset in 0..<3 { output[written + offset] = bytes[index + offset] }
                written += 3
                index += 3
                continue
            }
            let isLetter = UTF8Bytes.isASCIILetter(byte)
            let isWordByte = isLetter || UTF8Bytes.isASCIIDigit(byte)
                || (byte >= 0xC3 && byte != 0xE2) || (byte >= 0x80 && byte < 0xC0 && wordStart >= 0)
            if isWordByte {
                // CJK and Arabic commas and full stops count as punctuation (and, as before, as word bytes).
                if byte >= 0xD8, Self.isPunctuation(byte, bytes, index) { punctuation += 1 }
                if wordStart < 0 {
                    wordStart = written
                    wordASCII = true
                }
                if byte >= 0x80 { wordASCII = false }
                if isLetter || byte >= 0xC3 { letters += 1 }
            } else if byte == UInt8(ascii: "'"), wordStart >= 0 {
                wordASCII = false
            } else {
                if wordStart >= 0 {
                    endWord(UnsafeBufferPointer(rebasing: output[wordStart..<written]), ascii: wordASCII, table)
                    wordStart = -1
                }
                if Self.isPunctuation(byte, bytes, index) { punctuation += 1 }
            }
            output[written] = UTF8Bytes.lowerASCII(byte)
            written += 1
            index += 1
        }
        if wordStart >= 0 { endWord(UnsafeBufferPointer(rebasing: output[wordStart..<written]), ascii: wordASCII, table) }
        return written
    }

    /// `,` `.` `;` `!` `?`, or the lead byte of `，` `、` `。` `،`.
    @inline(__always)
    private static func isPunctuation(_ byte: UInt8, _ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        switch byte {
        case 0x2C, 0x2E, 0x3B, 0x21, 0x3F: return true
        case 0xEF: return index + 2 < bytes.count && bytes[index + 1] == 0xBC && bytes[index + 2] == 0x8C
        case 0xE3: return index + 2 < bytes.count && bytes[index + 1] == 0x80 && (bytes[index + 2] == 0x81 || bytes[index + 2] == 0x82)
        case 0xD8: return index + 1 < bytes.count && bytes[index + 1] == 0x8C
        default: return false
        }
    }

    @inline(__always)
    private mutating func endWord(_ word: UnsafeBufferPointer<UInt8>, ascii: Bool, _ table: StopWords) {
        words += 1
        guard ascii else { return }
        asciiWords += 1
        guard word.count <= 13 else { return }
        let flags = table.flags(hash: StopWords.hash(word))
        if flags.contains(.function) { stopWords += 1 }
        if flags.contains(.otherFunction) { otherStopWords += 1 }
        anchors.formUnion(flags)
    }

    static func endsSentence(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var end = bytes.count
        // Skip closing quotes and brackets: ” ’ " ' ) ]
        while end > 0 {
            let byte = bytes[end - 1]
            if byte == 0x22 || byte == 0x27 || byte == 0x29 || byte == 0x5D || byte == 0x20 {
                end -= 1
            } else if end >= 3, bytes[end - 3] == 0xE2, bytes[end - 2] == 0x80,
                      bytes[end - 1] == 0x9D || bytes[end - 1] == 0x99 {
                end -= 3
            } else {
                break
            }
        }
        guard end > 0 else { return false }
        let last = bytes[end - 1]
        if last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") { return true }
        guard end >= 3 else { return false }
        let (first, second) = (bytes[end - 3], bytes[end - 2])
        // … and the ideographic and fullwidth 。！？
        return (first == 0xE2 && second == 0x80 && last == 0xA6) || (first == 0xE3 && second == 0x80 && last == 0x82)
            || (first == 0xEF && second == 0xBC && (last == 0x81 || last == 0x9F))
    }
}
