/// What the boilerplate rules look at in one block, measured in a single pass over UTF-8.
struct BlockFeatures {
    var words = 0
    var stopWords = 0
    var letters = 0
    var uppercaseInitialWords = 0
    /// The block ends like a sentence: `.`, `!`, `?`, `…`, possibly inside closing quotes.
    var endsSentence = false
    /// Lowercased ASCII with curly apostrophes folded to `'`, for pattern matching.
    var folded: [UInt8] = []

    var stopDensity: Double { words == 0 ? 0 : Double(stopWords) / Double(words) }

    init(_ text: String, stopWords table: StopWords = .shared) {
        var text = text
        text.withUTF8 { measure($0, table) }
    }

    private mutating func measure(_ bytes: UnsafeBufferPointer<UInt8>, _ table: StopWords) {
        folded.reserveCapacity(bytes.count)
        var wordStart = -1
        var wordASCII = true
        var index = 0
        func endWord(_ end: Int) {
            guard wordStart >= 0 else { return }
            words += 1
            if wordASCII, end - wordStart <= 10 {
                let hash = StopWords.hash(UnsafeBufferPointer(rebasing: bytes[wordStart..<end]))
                if table.contains(hash: hash) { stopWords += 1 }
            }
            wordStart = -1
        }
        while index < bytes.count {
            let byte = bytes[index]
            // ’ and ‘ (E2 80 99 / 98) fold to an ASCII apostrophe inside words.
            if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
               bytes[index + 2] == 0x99 || bytes[index + 2] == 0x98 {
                folded.append(UInt8(ascii: "'"))
                if wordStart >= 0 { wordASCII = false }
                index += 3
                continue
            }
            let isWordByte = UTF8Bytes.isASCIILetter(byte) || UTF8Bytes.isASCIIDigit(byte)
                || (byte >= 0xC3 && byte != 0xE2) || (byte >= 0x80 && byte < 0xC0 && wordStart >= 0)
            if isWordByte {
                if wordStart < 0 {
                    wordStart = index
                    wordASCII = true
                    if byte &- 0x41 < 26 { uppercaseInitialWords += 1 }
                }
                if byte >= 0x80 { wordASCII = false }
                if UTF8Bytes.isASCIILetter(byte) || byte >= 0xC3 { letters += 1 }
            } else if byte == UInt8(ascii: "'"), wordStart >= 0 {
                wordASCII = false
            } else {
                endWord(index)
            }
            folded.append(UTF8Bytes.lowerASCII(byte))
            index += 1
        }
        endWord(bytes.count)
        endsSentence = BlockFeatures.endsSentence(bytes)
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
