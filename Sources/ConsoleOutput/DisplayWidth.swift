/// How many terminal columns text takes: East Asian wide and fullwidth characters and
/// emoji take two, combining marks and other zero-width characters none, the rest one.
/// Tables are aligned and cut by this, not by character counts, so a column of names in
/// Chinese or with accents written as combining marks still lines up.
package enum DisplayWidth {
    package static func of(_ text: String) -> Int {
        // Most cells are ASCII: one column per byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        // Scalar by scalar, not character by character (grapheme breaking is the slow part
        // of a table of thousands of rows): a mark adds nothing, and a scalar joined on by
        // a zero-width joiner (an emoji sequence) adds nothing either.
        var width = 0
        var joined = false
        for scalar in text.unicodeScalars {
            if joined {
                joined = false
                continue
            }
            if scalar.value == 0x200D {
                joined = true
                continue
            }
            width += of(scalar)
        }
        return width
    }

    package static func of(_ character: Character) -> Int {
        var width = 0
        for scalar in character.unicodeScalars {
            width = max(width, of(scalar))
        }
        return width
    }

    static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format, .control: return 0
        default: break
        }
        if scalar.properties.isEmojiPresentation { return 2 }
        for range in wide where range.contains(value) { return 2 }
        return 1
    }

    /// East Asian Wide and Fullwidth blocks (Unicode's EastAsianWidth W and F, by block).
    private static let wide: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
        0x1F900...0x1F9FF, 0x20000...0x3FFFD,
    ]

    /// `text` cut to at most `width` columns, ending in "…" when anything was cut.
    package static func prefix(_ text: String, fitting width: Int) -> String {
        guard of(text) > width else { return text }
        guard width > 1 else { return width == 1 ? "…" : "" }
        var kept = ""
        var used = 0
        for character in text {
            let next = of(character)
            if used + next > width - 1 { break }
            kept.append(character)
            used += next
        }
        return kept + "…"
    }
}
