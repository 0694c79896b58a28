/// Regular English verb inflections, so the lexicons list each verb once.
enum Inflection {
    /// The base form and its -s, -ed and -ing forms. A trailing `*` doubles the last
    /// consonant ("admit*" → admitted, admitting).
    static func forms(_ entry: String) -> [String] {
        let doubles = entry.hasSuffix("*")
        let base = doubles ? String(entry.dropLast()) : entry
        guard let last = base.last else { return [] }
        let vowels: Set<Character> = ["a", "e", "i", "o", "u"]
        var forms = [base]
        if doubles {
            forms += [base + "s", base + String(last) + "ed", base + String(last) + "ing"]
        } else if last == "e" {
            forms += [base + "s", base + "d", String(base.dropLast()) + "ing"]
        } else if last == "y", let previous = base.dropLast().last, !vowels.contains(previous) {
            let stem = String(base.dropLast())
            forms += [stem + "ies", stem + "ied", base + "ing"]
        } else if base.hasSuffix("s") || base.hasSuffix("sh") || base.hasSuffix("ch") || base.hasSuffix("x") || base.hasSuffix("z") {
            forms += [base + "es", base + "ed", base + "ing"]
        } else {
            forms += [base + "s", base + "ed", base + "ing"]
        }
        return forms
    }

    static func all(_ entries: [String]) -> Set<String> {
        var set = Set<String>()
        for entry in entries { set.formUnion(forms(entry)) }
        return set
    }
}
