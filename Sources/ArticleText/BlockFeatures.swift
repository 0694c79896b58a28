/// What the boilerplate rules look at in one block, measured in a single pass over UTF-8.
struct BlockFeatures {
    var words = 0
    var stopWords = 0
    var letters = 0
    /// Which anchor words occur (see `StopWords.Flags`).
    var anchors: StopWords.Flags = []
    /// The block ends like a sentence: `.`, `!`, `?`, `…`, possibly inside closing quotes.
    var endsSentence = false
    /// Lowercased ASCII with curly apostrophes folded to `'`, for pattern matching.
    var folded: [UInt8] = []

    var stopDensity: Double { words == 0 ? 0 : Double(stopWords) / Double(words) }

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
            let isLetter = UTF8Bytes.isASCIILetter(byte)
            let isWordByte = isLetter || UTF8Bytes.isASCIIDigit(byte)
                || (byte >= 0xC3 && byte != 0xE2) || (byte >= 0x80 && byte < 0xC0 && wordStart >= 0)
            if isWordByte {
                if wordStart < 0 {
                    wordStart = written
                    wordASCII = true
                }
                if byte >= 0x80 { wordASCII = false }
                if isLetter || byte >= 0xC3 { letters += 1 }
            } else if byte == UInt8(ascii: "'"), wordStart >= 0 {
                wordASCII = false
            } else if wordStart >= 0 {
                endWord(UnsafeBufferPointer(rebasing: output[wordStart..<written]), ascii: wordASCII, table)
                wordStart = -1
            }
            output[written] = UTF8Bytes.lowerASCII(byte)
            written += 1
            index += 1
        }
        if wordStart >= 0 { endWord(UnsafeBufferPointer(rebasing: output[wordStart..<written]), ascii: wordASCII, table) }
        return written
    }

    @inline(__always)
    private mutating func endWord(_ word: UnsafeBufferPointer<UInt8>, ascii: Bool, _ table: StopWords) {
        words += 1
        guard ascii, word.count <= 13 else { return }
        let flags = table.flags(hash: StopWords.hash(word))
        if flags.contains(.function) { stopWords += 1 }
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
        return end >= 3 && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && bytes[end - 1] == 0xA6
    }
}
