/// Splits a paragraph into sentences. A terminator (`.`, `!`, `?`, `…`), with any closing
/// quotes or brackets after it, ends a sentence when a space and a sentence start follow;
/// abbreviations, initials and dotted forms such as "U.S." only end one before a word that
/// usually starts sentences. Offsets count Unicode scalars.
public enum SentenceSplitter {
    /// The sentences of one paragraph; `base` is the paragraph's scalar offset in the text.
    public static func split(_ paragraph: String, startingAt base: Int = 0) -> [TextSpan] {
        var paragraph = paragraph
        return paragraph.withUTF8 { split($0, base: base) }
    }

    /// The sentences of a text whose paragraphs are separated by blank lines (or newlines).
    public static func split(text: String) -> [TextSpan] {
        var sentences = [TextSpan]()
        var offset = 0
        var current = String.UnicodeScalarView()
        var start = 0
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                if !current.isEmpty { sentences += split(String(current), startingAt: start) }
                current = String.UnicodeScalarView()
                start = offset + 1
            } else {
                current.append(scalar)
            }
            offset += 1
        }
        if !current.isEmpty { sentences += split(String(current), startingAt: start) }
        return sentences
    }

    static func split(_ bytes: UnsafeBufferPointer<UInt8>, base: Int) -> [TextSpan] {
        // Scalar offsets are counted incrementally: positions only move forward.
        var countedBytes = 0
        var countedScalars = 0
        func scalarOffset(_ byte: Int) -> Int {
            while countedBytes < byte {
                if !UTF8Bytes.isContinuation(bytes[countedBytes]) { countedScalars += 1 }
                countedBytes += 1
            }
            return base + countedScalars
        }

        var spans = [TextSpan]()
        var sentenceStart = 0
        func emit(_ start: Int, _ end: Int) {
            var start = start
            var end = end
            while start < end, bytes[start] == 0x20 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 { end -= 1 }
            guard start < end else { return }
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
            let startOffset = scalarOffset(start)
            spans.append(TextSpan(text: text, start: startOffset, end: scalarOffset(end)))
        }
        var index = 0
        while index < bytes.count {
            let terminator = SentenceBoundary.terminatorLength(bytes, at: index)
            guard terminator > 0 else { index += 1; continue }
            if let next = SentenceBoundary.boundary(bytes, terminatorAt: index, length: terminator) {
                emit(sentenceStart, next.end)
                sentenceStart = next.nextStart
                index = next.nextStart
            } else {
                // Skip the whole run ("...", "?!") so its tail is not judged on its own.
                index += terminator
                while index < bytes.count {
                    let more = SentenceBoundary.terminatorLength(bytes, at: index)
                    guard more > 0 else { break }
                    index += more
                }
            }
        }
        emit(sentenceStart, bytes.count)
        return spans
    }
}
