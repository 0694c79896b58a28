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
        return (" " + words(text).joined(separator: " ") + " ").contains(" " + phrase.joined(separator: " ") + " ")
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
