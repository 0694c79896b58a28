/// The element names the HTML path treats differently from a plain inline element, looked
/// up from libxml2's lowercase name bytes without making a string.
enum HTMLTag: UInt8 {
    /// Any element not listed: its text joins the enclosing block.
    case inline
    case anchor
    /// Never holds article text (scripts, styles, form controls, media): not walked.
    case skipped
    /// Head elements the metadata reader consumes.
    case meta, link, title, script, time
    case paragraph, division, heading1, heading, listItem, list, blockquote, pre
    case article, section, main, header, footer, nav, aside
    case tableCell, tableRow, table, tableSection
    case definitionTerm, definitionList
    case lineBreak, rule
    /// Walked as a hidden box: a parser may leave the rest of the page inside an unclosed one.
    case noscript
    case form, figure, figcaption, body, otherBlock

    /// Elements that start and end a block of text.
    var isBlock: Bool { rawValue >= HTMLTag.paragraph.rawValue }

    /// Looks up a NUL-terminated lowercase element name.
    static func of(_ name: UnsafePointer<UInt8>?) -> HTMLTag {
        guard let name else { return .inline }
        var key: UInt64 = 0
        var length = 0
        while name[length] != 0 {
            guard length < 12 else { return .inline }
            if length < 8 { key |= UInt64(name[length] | 0x20) << (8 * length) }
            length += 1
        }
        return lookup.find(key ^ UInt64(length) << 59)
    }

    private static let names: [(String, HTMLTag)] = [
        ("a", .anchor),
        ("script", .script), ("meta", .meta), ("link", .link), ("title", .title), ("time", .time),
        ("style", .skipped), ("noscript", .noscript), ("template", .skipped), ("svg", .skipped), ("math", .skipped),
        ("canvas", .skipped), ("iframe", .skipped), ("select", .skipped), ("option", .skipped),
        ("textarea", .skipped), ("input", .skipped), ("button", .skipped), ("object", .skipped), ("embed", .skipped),
        ("map", .skipped), ("audio", .skipped), ("video", .skipped), ("picture", .skipped), ("img", .skipped),
        ("source", .skipped), ("label", .skipped), ("rt", .skipped), ("rp", .skipped), ("dialog", .skipped),
        ("p", .paragraph), ("div", .division), ("h1", .heading1), ("h2", .heading), ("h3", .heading),
        ("h4", .heading), ("h5", .heading), ("h6", .heading), ("li", .listItem), ("ul", .list), ("ol", .list),
        ("menu", .list), ("blockquote", .blockquote), ("pre", .pre), ("article", .article), ("section", .section),
        ("main", .main), ("header", .header), ("footer", .footer), ("nav", .nav), ("aside", .aside),
        ("td", .tableCell), ("th", .tableCell), ("tr", .tableRow), ("table", .table), ("tbody", .tableSection),
        ("thead", .tableSection), ("tfoot", .tableSection), ("caption", .figcaption), ("dd", .listItem),
        ("dt", .definitionTerm), ("dl", .definitionList), ("br", .lineBreak), ("hr", .rule), ("form", .form),
        ("figure", .figure), ("figcaption", .figcaption), ("body", .body), ("address", .otherBlock),
        ("center", .otherBlock), ("details", .otherBlock), ("summary", .otherBlock), ("fieldset", .otherBlock),
        ("hgroup", .otherBlock),
    ]

    private static let lookup = PackedKeyTable(names.map { name, tag in
        var key: UInt64 = 0
        for (index, byte) in name.utf8.prefix(8).enumerated() { key |= UInt64(byte) << (8 * index) }
        return (key ^ UInt64(name.utf8.count) << 59, tag)
    })
}

/// A small open-addressing table from packed name keys to tags: a multiply and a compare
/// per lookup, where a `Dictionary` would hash with SipHash.
struct PackedKeyTable: Sendable {
    private var keys: [UInt64]
    private var values: [HTMLTag]
    private let shift: UInt64 = 56

    init(_ entries: [(UInt64, HTMLTag)]) {
        keys = [UInt64](repeating: 0, count: 256)
        values = [HTMLTag](repeating: .inline, count: 256)
        for (key, value) in entries {
            var slot = Self.slot(key)
            while keys[slot] != 0 { slot = (slot + 1) & 255 }
            keys[slot] = key
            values[slot] = value
        }
    }

    @inline(__always)
    private static func slot(_ key: UInt64) -> Int { Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 56) }

    @inline(__always)
    func find(_ key: UInt64) -> HTMLTag {
        var slot = Self.slot(key)
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == 0 { return .inline }
            slot = (slot + 1) & 255
        }
    }
}
