import Foundation

/// The words a search matches by: lowercase, without accents ("Raúl" → "raul", "Søren" →
/// "soren"), split at anything but letters, digits, apostrophes and hyphens. Names in the
/// store are indexed by the same words, so `--claimant Raul` finds "Raúl Medina".
public enum SearchWords {
    public static func words(_ text: String) -> [String] {
        fold(text).split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "-") }.map(String.init)
    }

    /// Whether `phrase`'s words appear in `text`'s words, in a row.
    public static func contains(_ text: String, phrase: [String]) -> Bool {
        guard !phrase.isEmpty else { return false }
        return holds(" " + words(text).joined(separator: " ") + " ", " " + phrase.joined(separator: " ") + " ")
    }

    /// Whether `text` holds `part`, byte for byte: the standard library's `contains`
    /// searches by characters, many times slower, and both sides are folded already.
    public static func holds(_ text: String, _ part: String) -> Bool {
        let haystack = Array(text.utf8), needle = Array(part.utf8)
        guard let first = needle.first else { return true }
        guard haystack.count >= needle.count else { return false }
        var start = 0
        while start <= haystack.count - needle.count {
            if haystack[start] == first, haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }

    /// Whether every word (folded, as `words` gives them) is in one of the texts, ignoring
    /// case and accents: in ASCII text a byte search with ASCII case folded, else the
    /// texts folded first.
    public static func matches(_ words: [String], _ texts: UnsafeBufferPointer<UInt8>...) -> Bool {
        if texts.allSatisfy({ $0.allSatisfy { $0 < 0x80 } }) {
            return words.allSatisfy { word in
                let needle = Array(word.utf8)
                return texts.contains { asciiHolds($0, needle) }
            }
        }
        let folded = texts.map { fold(String(decoding: $0, as: UTF8.self)) }
        return words.allSatisfy { word in folded.contains { holds($0, word) } }
    }

    /// Whether ASCII `text` holds `needle` (lowercase), with the text's case folded.
    private static func asciiHolds(_ text: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        guard let first = needle.first else { return true }
        guard text.count >= needle.count else { return false }
        func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        var start = 0
        while start <= text.count - needle.count {
            if lower(text[start]) == first {
                var offset = 1
                while offset < needle.count, lower(text[start + offset]) == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    /// Lowercase, with combining marks dropped after canonical decomposition, and the
    /// Latin letters that do not decompose spelt as their base letters.
    public static func fold(_ text: String) -> String {
        // Most names and labels are plain ASCII: lowercase is all there is to do.
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var folded = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if let spelt = letters[scalar] {
                folded.append(contentsOf: spelt.unicodeScalars)
            } else {
                folded.append(scalar)
            }
        }
        return String(folded)
    }

    private static let letters: [Unicode.Scalar: String] = [
        "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i", "ħ": "h",
        "’": "'", "ʼ": "'",
    ]
}
