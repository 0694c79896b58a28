/// Counts and articles in English, so messages never say "1 files" or "a exact copy".
package enum Wording {
    /// "1 file", "3 files", "1 copy", "2 copies".
    package static func count(_ number: Int, _ singular: String, plural: String? = nil) -> String {
        "\(number) " + (number == 1 ? singular : plural ?? Self.plural(of: singular))
    }

    /// The plural of a regular noun: "copies", "articles", "matches".
    package static func plural(of noun: String) -> String {
        if noun.hasSuffix("y"), let before = noun.dropLast().last, !"aeiou".contains(before) { return noun.dropLast() + "ies" }
        if noun.hasSuffix("s") || noun.hasSuffix("x") || noun.hasSuffix("ch") || noun.hasSuffix("sh") { return noun + "es" }
        return noun + "s"
    }

    /// "a" or "an" before `word`, by how it is spelt: "an exact copy", "a near copy".
    package static func indefinite(_ word: String) -> String {
        guard let first = word.lowercased().first else { return "a" }
        return "aeiou".contains(first) ? "an" : "a"
    }
}
