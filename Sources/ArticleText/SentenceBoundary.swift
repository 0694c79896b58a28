/// The decision at one terminator: does a sentence end here, and where does the next start?
enum SentenceBoundary {
    /// Titles before names: never the end of a sentence.
    static let titles: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt",
        "cmdr", "adm", "maj", "rev", "hon", "pres", "supt", "insp", "det", "cpl", "pvt", "fr",
        "st", "mt", "messrs", "mme", "mlle", "brig", "gov.-elect", "atty", "amb", "sens", "reps",
    ]
    /// Abbreviations that end a sentence only before a typical sentence opener.
    static let abbreviations: Set<String> = [
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
        "inc", "ltd", "co", "corp", "llc", "bros", "etc", "vs", "approx", "est", "dept", "univ",
        "ave", "blvd", "rd", "ft", "jr", "sr", "no", "nos", "vol", "fig", "pp", "art", "sec",
        "ch", "op", "cf", "al", "ca", "mln", "bn", "tel", "ext", "govt", "intl", "natl", "assn",
    ]
    /// Words that usually open a sentence, used after abbreviations and dotted forms.
    static let openers: Set<String> = [
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "his", "her", "its", "their",
        "our", "this", "that", "these", "those", "there", "but", "and", "so", "yet", "in", "on",
        "at", "as", "after", "before", "when", "while", "if", "since", "although", "however",
        "meanwhile", "still", "now", "then", "some", "many", "most", "one", "two", "officials",
        "according", "earlier", "later", "last", "next", "what", "why", "how", "who", "for",
    ]

    struct Cut {
        var end: Int
        var nextStart: Int
    }

    static func terminatorLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let byte = bytes[index]
        if byte == 0x2E || byte == 0x21 || byte == 0x3F { return 1 }
        if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA6 { return 3 }
        return 0
    }

    static func boundary(_ bytes: UnsafeBufferPointer<UInt8>, terminatorAt start: Int, length: Int) -> Cut? {
        var position = start
        var isEllipsis = length == 3
        var onlyPeriod = true
        var periods = 0
        while position < bytes.count {
            let step = terminatorLength(bytes, at: position)
            guard step > 0 else { break }
            if step == 3 { isEllipsis = true }
            if bytes[position] == 0x2E { periods += 1 } else if step == 1 { onlyPeriod = false }
            position += step
        }
        if periods >= 3 { isEllipsis = true }
        position = skipClosers(bytes, from: position)
        guard position < bytes.count, bytes[position] == 0x20 else { return nil }
        let end = position
        while position < bytes.count, bytes[position] == 0x20 { position += 1 }
        guard position < bytes.count else { return nil }
        let nextStart = position
        let (nextWord, initial) = word(after: bytes, from: skipOpeners(bytes, from: nextStart))
        guard let initial else { return nil }
        if initial.properties.isLowercase { return nil }
        if !onlyPeriod || isEllipsis { return Cut(end: end, nextStart: nextStart) }

        let (previous, dotted) = word(before: bytes, at: start)
        // Every listed title and abbreviation is short; longer words end sentences.
        if previous.isEmpty || (!dotted && previous.utf8.count > 7) { return Cut(end: end, nextStart: nextStart) }
        let nextIsOpener = openers.contains(nextWord.lowercased())
        if dotted { return nextIsOpener ? Cut(end: end, nextStart: nextStart) : nil }
        let lower = previous.lowercased()
        if previous.unicodeScalars.count == 1, let letter = previous.unicodeScalars.first,
           letter.properties.isUppercase {
            return nil  // an initial: "J. R. Smith"
        }
        if titles.contains(lower) { return nil }
        if abbreviations.contains(lower) {
            return nextIsOpener ? Cut(end: end, nextStart: nextStart) : nil
        }
        return Cut(end: end, nextStart: nextStart)
    }

    /// Closing quotes and brackets that belong to the sentence before: ” ’ " ' ) ]
    static func skipClosers(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var position = start
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x22 || byte == 0x27 || byte == 0x29 || byte == 0x5D {
                position += 1
            } else if byte == 0xE2, position + 2 < bytes.count, bytes[position + 1] == 0x80,
                      bytes[position + 2] == 0x9D || bytes[position + 2] == 0x99 {
                position += 3
            } else {
                break
            }
        }
        return position
    }

    /// Opening quotes and brackets before the next sentence's first word: “ ‘ " ' ( [
    static func skipOpeners(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var position = start
        while position < bytes.count {
            let byte = bytes[position]
            if byte == 0x22 || byte == 0x27 || byte == 0x28 || byte == 0x5B {
                position += 1
            } else if byte == 0xE2, position + 2 < bytes.count, bytes[position + 1] == 0x80,
                      bytes[position + 2] == 0x9C || bytes[position + 2] == 0x98 {
                position += 3
            } else {
                break
            }
        }
        return position
    }

    /// The word starting at `start` (letters only) and its first scalar.
    static func word(after bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (String, Unicode.Scalar?) {
        guard start < bytes.count else { return ("", nil) }
        let (first, _) = UTF8Bytes.scalar(in: bytes, at: start)
        var end = start
        while end < bytes.count, UTF8Bytes.isASCIILetter(bytes[end]) { end += 1 }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), first)
    }

    /// The word ending just before the terminator at `end`, and whether it is a dotted form
    /// such as "U.S" or "a.m" (letters separated by single periods).
    static func word(before bytes: UnsafeBufferPointer<UInt8>, at end: Int) -> (String, Bool) {
        var start = end
        var dotted = false
        while start > 0 {
            let byte = bytes[start - 1]
            if UTF8Bytes.isASCIILetter(byte) || byte == 0x2D {
                start -= 1
            } else if byte == 0x2E, start >= 2, UTF8Bytes.isASCIILetter(bytes[start - 2]) {
                dotted = true
                start -= 1
            } else {
                break
            }
        }
        if start > 0, bytes[start - 1] >= 0x80 || UTF8Bytes.isASCIIDigit(bytes[start - 1]) {
            return ("x", false)  // part of a longer word or number: an ordinary sentence end
        }
        return (String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self), dotted)
    }
}
