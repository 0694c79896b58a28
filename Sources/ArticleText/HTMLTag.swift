/// The element names the HTML path treats differently from a plain inline element, looked
/// up from a name's bytes (any case) through a packed key, without making a string.
enum HTMLTag: UInt8 {
    /// Any element not listed: its text joins the enclosing block.
    case inline
    case anchor
    /// Never holds article text (styles, form controls, media, templates): its content is
    /// not read.
    case skipped
    /// An element without content (`img`, `input`, `source`, …).
    case void
    /// `svg` and `math`: foreign content, not read.
    case foreign
    /// `option` and `optgroup`, `rt` and `rp`, `button`: skipped, and closed by the next of their kind.
    case option, rubyText, button
    /// `ruby`: inline, but its end closes an open `rt`.
    case ruby
    /// Elements that are ignored as tags: `html`, `head` and `frameset`.
    case ignored
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

    /// Containers whose content is not read.
    var skipsContent: Bool {
        switch self {
        case .skipped, .foreign, .option, .rubyText, .button: true
        default: false
        }
    }

    /// A name's lookup key: its first eight bytes lowercased, and its length. Names longer
    /// than 12 bytes (custom elements) get 0, which no listed name has.
    @inline(__always)
    static func key(_ bytes: UnsafeBufferPointer<UInt8>, _ name: Range<Int>) -> UInt64 {
        guard name.count <= 12 else { return 0 }
        var key: UInt64 = 0
        var shift: UInt64 = 0
        for index in name.prefix(8) {
            key |= UInt64(UTF8Bytes.lowerASCII(bytes[index])) << shift
            shift += 8
        }
        return key ^ UInt64(name.count) << 59
    }

    static func key(_ name: StaticString) -> UInt64 {
        name.withUTF8Buffer { key($0, 0..<$0.count) }
    }

    @inline(__always)
    static func of(key: UInt64) -> HTMLTag {
        key == 0 ? .inline : lookup.find(key)
    }

    private static let names: [(StaticString, HTMLTag)] = [
        ("a", .anchor),
        ("script", .script), ("meta", .meta), ("link", .link), ("title", .title), ("time", .time),
        ("style", .skipped), ("noscript", .noscript), ("template", .skipped), ("svg", .foreign), ("math", .foreign),
        ("canvas", .skipped), ("iframe", .skipped), ("select", .skipped), ("option", .option), ("optgroup", .option),
        ("textarea", .skipped), ("input", .void), ("button", .button), ("object", .skipped), ("embed", .void),
        ("map", .skipped), ("audio", .skipped), ("video", .skipped), ("picture", .skipped), ("img", .void),
        ("source", .void), ("label", .skipped), ("rt", .rubyText), ("rp", .rubyText), ("dialog", .skipped),
        ("track", .void), ("area", .void), ("col", .void), ("param", .void), ("keygen", .void), ("wbr", .void),
        ("base", .void), ("frame", .void), ("image", .void), ("ruby", .ruby), ("html", .ignored), ("head", .ignored),
        ("frameset", .ignored), ("noembed", .skipped), ("noframes", .skipped), ("xmp", .skipped),
        ("p", .paragraph), ("div", .division), ("h1", .heading1), ("h2", .heading), ("h3", .heading),
        ("h4", .heading), ("h5", .heading), ("h6", .heading), ("li", .listItem), ("ul", .list), ("ol", .list),
        ("menu", .list), ("blockquote", .blockquote), ("pre", .pre), ("article", .article), ("section", .section),
        ("main", .main), ("header", .header), ("footer", .footer), ("nav", .nav), ("aside", .aside),
        ("td", .tableCell), ("th", .tableCell), ("tr", .tableRow), ("table", .table), ("tbody", .tableSection),
        ("thead", .tableSection), ("tfoot", .tableSection), ("caption", .figcaption), ("dd", .listItem),
        ("dt", .definitionTerm), ("dl", .definitionList), ("br", .lineBreak), ("hr", .rule), ("form", .form),
        ("figure", .figure), ("figcaption", .figcaption), ("body", .body), ("address", .otherBlock),
        ("center", .otherBlock), ("details", .otherBlock), ("summary", .otherBlock), ("fieldset", .otherBlock),
        ("hgroup", .otherBlock), ("listing", .pre),
    ]

    private static let lookup = PackedKeyTable(names.map { (key($0.0), $0.1) })
}

/// A small open-addressing table from packed name keys to tags: a multiply and a compare
/// per lookup, where a `Dictionary` would hash with SipHash.
struct PackedKeyTable: Sendable {
    private var keys: [UInt64]
    private var values: [HTMLTag]

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
