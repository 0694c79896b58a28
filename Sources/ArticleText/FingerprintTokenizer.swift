/// Receives fingerprint tokens from `FingerprintTokenizer.scan` as normalized UTF-8 bytes
/// packed into words, so a consumer can hash while the text is read, with no token buffer in
/// between.
public protocol FingerprintTokenSink {
    /// Appends `count` (1…8) bytes to the current token, packed little-endian into `bytes`
    /// (the first byte lowest); the bytes above `count` are zero.
    mutating func append(_ bytes: UInt64, count: Int)
    /// The current token is complete (called only after at least one `append`).
    mutating func endToken()
}

/// The normalization fingerprints use: case-folded word tokens with punctuation stripped and
/// apostrophes deleted ("Russia’s" → "russias"), so that quote style, dashes, spacing and
/// paragraph layout do not change a copy's fingerprint.
///
/// `scan` holds the rules; it is inlinable so the fingerprinter's sink is specialized into
/// one loop over the UTF-8 bytes. Only non-ASCII scalars leave that loop, for a call that
/// looks up their Unicode properties.
public enum FingerprintTokenizer {
    /// Feeds the tokens of `text` into `sink`.
    @inlinable
    public static func scan<Sink: FingerprintTokenSink>(_ text: String, into sink: inout Sink) {
        var text = text
        text.withUTF8 { scan($0, into: &sink) }
    }

    /// Feeds the tokens of valid UTF-8 `bytes` into `sink`.
    ///
    /// Where 8 bytes remain, it loads them as one word and finds the run of ASCII letters
    /// and digits at its start with bit arithmetic (SWAR), handing the run over lowercased
    /// in one `append`: most tokens cost one load and a few operations, not a loop per byte.
    @inlinable
    public static func scan<Sink: FingerprintTokenSink>(_ bytes: UnsafeBufferPointer<UInt8>, into sink: inout Sink) {
        guard let base = bytes.baseAddress else { return }
        let high: UInt64 = 0x8080_8080_8080_8080
        let count = bytes.count
        var inToken = false
        var index = 0
        while index < count {
            let byte: UInt8
            if count - index >= 8 {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self))
                let alphanumeric = alphanumericBytes(word)
                let run = (~alphanumeric & high).trailingZeroBitCount &>> 3
                if run > 0 {
                    sink.append((word | 0x2020_2020_2020_2020) & (UInt64.max &>> UInt64(64 &- run &* 8)), count: run)
                    inToken = true
                    index &+= run
                    if run == 8 { continue }
                }
                // The separators that follow (". ", ", ") end the token and are skipped at once.
                let separators = separatorBytes(word, alphanumeric: alphanumeric)
                let stop = (~separators & high & (UInt64.max &<< UInt64(run &* 8))).trailingZeroBitCount &>> 3
                if stop > run {
                    if inToken {
                        sink.endToken()
                        inToken = false
                    }
                    index &+= stop &- run
                    continue
                }
                byte = UInt8(truncatingIfNeeded: word &>> UInt64(run &* 8))
            } else {
                byte = base[index]
                // Letters are lowered by setting 0x20, which every digit has set already.
                if (byte | 0x20) &- 0x61 < 26 || byte &- 0x30 < 10 {
                    sink.append(UInt64(byte | 0x20), count: 1)
                    inToken = true
                    index += 1
                    continue
                }
            }
            if byte < 0x80 {
                index += 1
                if byte != 0x27, inToken {  // an ASCII apostrophe joins; all else splits
                    sink.endToken()
                    inToken = false
                }
                continue
            }
            let (role, length) = nonASCII(bytes, at: index)
            switch role {
            case .joiner:
                break
            case .separator:
                if inToken {
                    sink.endToken()
                    inToken = false
                }
            case .unchanged:
                var packed: UInt64 = 0
                for offset in 0..<length { packed |= UInt64(base[index + offset]) << UInt64(offset * 8) }
                sink.append(packed, count: length)
                inToken = true
            case .lowered(let lowered):
                var packed: UInt64 = 0
                var packedCount = 0
                for unit in lowered.utf8 {
                    packed |= UInt64(unit) << UInt64(packedCount * 8)
                    packedCount += 1
                    if packedCount == 8 {
                        sink.append(packed, count: 8)
                        packed = 0
                        packedCount = 0
                    }
                }
                if packedCount > 0 { sink.append(packed, count: packedCount) }
                inToken = true
            }
            index += length
        }
        if inToken { sink.endToken() }
    }

    /// 0x80 in each byte of `word` that is an ASCII letter or digit, 0 elsewhere. The range
    /// tests add to bytes with the top bit cleared, so no carry crosses into the next byte.
    @inlinable @inline(__always)
    static func alphanumericBytes(_ word: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let seven = word & (ones &* 0x7F)
        let lower = seven | (ones &* 0x20)
        // byte ≥ lo sets the top bit of byte + (0x80 − lo); byte ≤ hi leaves that of byte + (0x7F − hi) clear.
        let letters = (lower &+ ones &* (0x80 - 0x61)) & ~(lower &+ ones &* (0x7F - 0x7A))
        let digits = (seven &+ ones &* (0x80 - 0x30)) & ~(seven &+ ones &* (0x7F - 0x39))
        return (letters | digits) & ~word & (ones &* 0x80)
    }

    /// 0x80 in each byte of `word` that is ASCII but neither alphanumeric nor an apostrophe.
    @inlinable @inline(__always)
    static func separatorBytes(_ word: UInt64, alphanumeric: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let difference = (word & (ones &* 0x7F)) ^ (ones &* 0x27)
        // A 7-bit byte is nonzero exactly when adding 0x7F to it sets its top bit.
        let notApostrophe = (difference &+ ones &* 0x7F) | difference
        return notApostrophe & ~alphanumeric & ~word & (ones &* 0x80)
    }

    /// What a non-ASCII scalar does to the token it falls in.
    @usableFromInline
    enum ScalarRole {
        /// Typographic apostrophes: deleted, joining the letters around them.
        case joiner
        case separator
        /// A letter or digit that lowercasing leaves as it is: its bytes are copied.
        case unchanged
        case lowered(String)
    }

    /// Decodes the scalar starting at `index` (the bytes are valid UTF-8) and classifies it.
    @usableFromInline
    static func nonASCII(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (ScalarRole, Int) {
        let (scalar, length) = UTF8Bytes.scalar(in: bytes, at: index)
        if scalar == "\u{2019}" || scalar == "\u{2018}" || scalar == "\u{02BC}" { return (.joiner, length) }
        let properties = scalar.properties
        guard properties.isAlphabetic || properties.numericType != nil else { return (.separator, length) }
        guard properties.changesWhenLowercased else { return (.unchanged, length) }
        return (.lowered(properties.lowercaseMapping), length)
    }

    /// Calls `body` with each token's UTF-8 bytes (valid only during the call). The buffer
    /// handed out always has at least 8 readable bytes past the token's end, so callers may
    /// load whole words.
    public static func forEachToken(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { bytes in
            // Lowercasing can lengthen a scalar's UTF-8 (at most threefold), plus load padding.
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count * 3 + 16) { scratch in
                scratch.initialize(repeating: 0)
                withoutActuallyEscaping(body) { body in
                    var sink = TokenCollector(scratch: scratch, body: body)
                    scan(bytes, into: &sink)
                }
            }
        }
    }

    /// The tokens as strings, for tests and tools; fingerprints use `scan`.
    public static func tokens(in text: String) -> [String] {
        var tokens = [String]()
        forEachToken(in: text) { tokens.append(String(decoding: $0, as: UTF8.self)) }
        return tokens
    }

    /// Gathers each token's bytes into the scratch buffer and hands the token to `body`.
    struct TokenCollector: FingerprintTokenSink {
        let scratch: UnsafeMutableBufferPointer<UInt8>
        let body: (UnsafeBufferPointer<UInt8>) -> Void
        var tokenStart = 0
        var written = 0

        mutating func append(_ bytes: UInt64, count: Int) {
            for index in 0..<count {
                // The scratch is sized for the worst case; the guard keeps the padding intact.
                guard written < scratch.count - 16 else { return }
                scratch[written] = UInt8(truncatingIfNeeded: bytes >> UInt64(index * 8))
                written += 1
            }
        }

        mutating func endToken() {
            guard written > tokenStart else { return }
            body(UnsafeBufferPointer(rebasing: scratch[tokenStart..<written]))
            tokenStart = written
        }
    }
}
