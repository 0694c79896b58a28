import ArticleText

/// One word of an article as the story features read it: its lowercase hash and what its
/// shape says (a capital, a digit, the start of a sentence, punctuation after it).
struct StoryWord {
    var hash: UInt64
    /// Length in Unicode scalars (a possessive's 's not counted), at most 65,535.
    var length: UInt16
    var isCapitalized: Bool
    var hasDigit: Bool
    /// First word of its text, paragraph or sentence (or after a colon or opening quote).
    var opensSentence: Bool
    /// Punctuation stood between this word and the next: a name does not run across it.
    var punctuationAfter: Bool

    /// Cuts `text` into words: runs of letters and digits, kept whole across an inner
    /// apostrophe, hyphen or dot ("Russia’s", "state-backed", "U.S."), with a possessive
    /// 's left off. Reads the UTF-8 bytes in one loop with its state in locals, classing ASCII
    /// by a table and decoding only beyond it: this runs on every article.
    static func words(in text: String, into words: inout [StoryWord], limit: Int = .max) {
        var text = text
        let asciiKinds = Self.asciiKinds
        text.withUTF8 { bytes in
            var inWord = false, capitalized = false, hasDigit = false, opensSentence = true
            var hash = WordHash(), length = 0
            // A joiner right after a word, held until the next scalar says whether it joins (0: none).
            var pendingJoiner: UInt32 = 0
            // The word's hash and length before its last joined apostrophe, and the scalars since.
            var apostropheHash = WordHash(), apostropheLength = -1, sinceApostrophe = 0
            var lastScalar: UInt32 = 0

            var index = 0
            // One space past the end closes the last word, so words end in one place.
            while index <= bytes.count, words.count < limit {
                let byte = index < bytes.count ? bytes[index] : 0x20
                // The common cases first, with nothing else to decide: a lowercase ASCII letter
                // inside a word, a space between words.
                if inWord, pendingJoiner == 0, byte &- 0x61 < 26 {
                    hash.add(byte)
                    length += 1
                    sinceApostrophe += 1
                    lastScalar = UInt32(byte)
                    index += 1
                    continue
                }
                if !inWord, pendingJoiner == 0, byte == 0x20 {
                    index += 1
                    continue
                }
                let scalar: Unicode.Scalar
                let kind: Kind
                if byte < 0x80 {
                    scalar = Unicode.Scalar(byte)
                    kind = asciiKinds[Int(byte)]
                    index += 1
                } else {
                    let (decoded, size) = UTF8Bytes.scalar(in: bytes, at: index)
                    scalar = decoded
                    kind = Kind(of: decoded)
                    index += size
                }
                if kind.contains(.word) {
                    if !inWord {
                        inWord = true
                        hash = WordHash()
                        length = 0
                        hasDigit = false
                        apostropheLength = -1
                        capitalized = kind.contains(.upper)
                    } else if pendingJoiner != 0 {
                        if pendingJoiner == 0x27 || pendingJoiner == 0x2019 {
                            apostropheHash = hash
                            apostropheLength = length
                            sinceApostrophe = 0
                        }
                        hash.add(lowercaseOf: Unicode.Scalar(pendingJoiner) ?? " ")
                        length += 1
                        pendingJoiner = 0
                    }
                    if byte < 0x80 {
                        hash.add(byte &- 0x41 < 26 ? byte | 0x20 : byte)
                    } else {
                        hash.add(lowercaseOf: scalar)
                    }
                    length += 1
                    sinceApostrophe += 1
                    if kind.contains(.digit) { hasDigit = true }
                    lastScalar = scalar.value
                    continue
                }
                if inWord, pendingJoiner == 0, kind.contains(.joiner) {
                    pendingJoiner = scalar.value
                    continue
                }
                let held = pendingJoiner
                pendingJoiner = 0
                let space = kind.contains(.space)
                if inWord {
                    var word = hash.value, kept = length
                    // "Russia's", "Kessel’s": the possessive is not part of the name.
                    if apostropheLength > 0, sinceApostrophe == 1, lastScalar | 0x20 == 0x73 {
                        word = apostropheHash.value
                        kept = apostropheLength
                    }
                    // A joiner that did not join ("end." or "word-") is punctuation after the word.
                    words.append(StoryWord(hash: word, length: UInt16(clamping: kept), isCapitalized: capitalized,
                                           hasDigit: hasDigit, opensSentence: opensSentence,
                                           punctuationAfter: held != 0 || !space))
                    opensSentence = false
                    inWord = false
                    if held != 0, let joiner = Unicode.Scalar(held), Kind(of: joiner).contains(.sentenceEnd) { opensSentence = true }
                } else if !space, let last = words.indices.last {
                    words[last].punctuationAfter = true
                }
                if kind.contains(.sentenceEnd) { opensSentence = true }
            }
        }
    }

    /// What a scalar is to the word scan.
    struct Kind: OptionSet {
        let rawValue: UInt8
        static let word = Kind(rawValue: 1)
        static let upper = Kind(rawValue: 2)
        static let digit = Kind(rawValue: 4)
        /// Joins two words into one: ' ’ - ‐ ‑ and the dot of "U.S.".
        static let joiner = Kind(rawValue: 8)
        static let space = Kind(rawValue: 16)
        /// After it, the next word opens a sentence: . ! ? : line breaks, opening quotes.
        static let sentenceEnd = Kind(rawValue: 32)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        init(of scalar: Unicode.Scalar) {
            var kind: Kind = []
            // Curly quotes, dashes and the other marks of General Punctuation, common in news
            // text, are no word scalars: answered without the Unicode property tables.
            if scalar.value >= 0x2000, scalar.value <= 0x206F {
                if StoryWord.isJoiner(scalar) { kind.insert(.joiner) }
                if scalar.value <= 0x200A || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0x202F
                    || scalar.value == 0x205F {
                    kind.insert(.space)
                }
                if StoryWord.endsSentence(scalar) { kind.insert(.sentenceEnd) }
                self = kind
                return
            }
            if WordTokenizer.isWordScalar(scalar) {
                kind.insert(.word)
                if scalar.isASCII ? scalar.value &- 0x41 < 26 : scalar.properties.isUppercase { kind.insert(.upper) }
                if scalar.isASCII ? scalar.value &- 0x30 < 10 : scalar.properties.numericType != nil { kind.insert(.digit) }
            }
            if StoryWord.isJoiner(scalar) { kind.insert(.joiner) }
            if StoryWord.isSpace(scalar) { kind.insert(.space) }
            if StoryWord.endsSentence(scalar) { kind.insert(.sentenceEnd) }
            self = kind
        }
    }

    private static let asciiKinds: [Kind] = (0..<128).map { Kind(of: Unicode.Scalar(UInt8($0))) }


    static func isJoiner(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "'" || scalar == "’" || scalar == "-" || scalar == "\u{2010}" || scalar == "\u{2011}" || scalar == "."
    }

    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return scalar == " " || scalar == "\t" || scalar == "\r" }
        return scalar.properties.isWhitespace
    }

    /// Marks after which the next word opens a sentence: full stops, colons, line breaks,
    /// opening quotes.
    static func endsSentence(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case ".", "!", "?", ":", "\n", "\"", "“", "«", "„", "¿", "¡": true
        default: false
        }
    }
}
