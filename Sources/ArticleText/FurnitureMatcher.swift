/// Decides whether one block, on its own, is furniture. Context (position, neighbours) is
/// the remover's business; this only looks at the block's words.
enum FurnitureMatcher {
    static let copyright = Array("copyright".utf8)
    static let copyrightC = Array("(c) ".utf8)
    static let via = Array("via ".utf8)
    static let bylineLeads = ["by ", "written by ", "story by ", "words by ", "author: ", "reporting by "].map { Array($0.utf8) }

    static func match(_ block: TextBlock, _ features: BlockFeatures) -> Furniture? {
        let folded = features.folded
        if features.letters == 0 { return .clutter }
        if features.words <= 8 {
            // Whole-line furniture is a few words long; longer blocks skip this. The line is
            // compared by hash, without making a string of it.
            let core = coreRange(folded)
            let hash = StopWords.hash(folded[core])
            if FurniturePatterns.sectionStartHashes.contains(hash) { return .sectionStart }
            if FurniturePatterns.wholeLineHashes.contains(hash) { return .clutter }
            if features.words <= 6, FurniturePatterns.sectionPrefixes.contains(where: { folded[core].starts(with: $0) }) {
                return .sectionStart
            }
        }
        if let byline = byline(block.text, folded, features) { return .byline(byline) }
        if folded.first == 0xC2, folded.count > 1, folded[1] == 0xA9 { return .legal }  // ©
        if folded.hasBytePrefix(copyright) || folded.hasBytePrefix(copyrightC) { return .legal }
        if features.anchors.contains(.legal) {
            for phrase in FurniturePatterns.legalContains where folded.containsBytes(phrase) { return .legal }
        }
        if features.words <= 30, let first = folded.first {
            for prefix in FurniturePatterns.shortPrefixesByFirstByte[Int(first)] where folded.hasBytePrefix(prefix) {
                return .clutter
            }
        }
        if features.words <= 20 {
            if containsAny(folded, FurniturePatterns.shortContainsByFirstByte) { return .clutter }
            if isBreadcrumb(folded, features) { return .clutter }
        }
        // A caption is a sentence or two under a picture; a paragraph of 70 words or more
        // that ends with a source in parentheses is the article quoting it.
        if features.words < Self.captionWords,
           isCaption(folded, features) || hasNameCredit(block.text, folded) || endsInCopyrightCredit(folded) {
            return .caption
        }
        return nil
    }

    /// Whether any phrase occurs in `folded`; phrases are grouped by their first byte, so
    /// each position is compared with the few that could start there.
    static func containsAny(_ folded: [UInt8], _ phrases: [[[UInt8]]]) -> Bool {
        for start in folded.indices {
            for phrase in phrases[Int(folded[start])] where start + phrase.count <= folded.count {
                var matched = 1
                while matched < phrase.count, folded[start + matched] == phrase[matched] { matched += 1 }
                if matched == phrase.count { return true }
            }
        }
        return false
    }

    /// Where the lowercased line lies without surrounding punctuation, bullets and ellipses.
    static func coreRange(_ folded: [UInt8]) -> Range<Int> {
        var start = 0
        var end = folded.count
        func isTrim(_ byte: UInt8) -> Bool {
            byte == 0x20 || byte == 0x3A || byte == 0x2E || byte == 0x2D || byte == 0x3E
                || byte == 0x7C || byte == 0x2A || byte == 0x21 || byte == 0x23 || byte >= 0x80
        }
        while start < end, isTrim(folded[start]), folded[start] < 0x80 { start += 1 }
        // Trailing non-ASCII (… » → ›) is punctuation here: words end in ASCII or letters we
        // do not list anyway.
        while end > start, isTrim(folded[end - 1]) { end -= 1 }
        return start..<end
    }

    /// "By Jane Doe", "By Jane Doe and John Roe, Reuters", "Written by …": short, no sentence
    /// end, the name capitalised.
    static func byline(_ text: String, _ folded: [UInt8], _ features: BlockFeatures) -> String? {
        guard features.words <= 10, !features.endsSentence || features.words <= 4 else { return nil }
        for prefix in bylineLeads {
            guard folded.hasBytePrefix(prefix) else { continue }
            let scalars = Array(text.unicodeScalars)
            guard prefix.count < scalars.count else { continue }
            let name = String(String.UnicodeScalarView(scalars[prefix.count...]))
            guard let initial = name.unicodeScalars.first, initial.properties.isUppercase else { return nil }
            return name
        }
        return nil
    }

    static func isBreadcrumb(_ folded: [UInt8], _ features: BlockFeatures) -> Bool {
        guard features.words <= 12 else { return false }
        var separators = 0
        var index = 1
        while index + 1 < folded.count {
            if folded[index - 1] == 0x20, folded[index + 1] == 0x20,
               folded[index] == UInt8(ascii: "|") || folded[index] == UInt8(ascii: ">")
                || folded[index] == UInt8(ascii: "/") {
                separators += 1
            }
            index += 1
        }
        // › and » as separators
        for marker: [UInt8] in [[0x20, 0xE2, 0x80, 0xBA, 0x20], [0x20, 0xC2, 0xBB, 0x20]] {
            var from = 0
            while let next = firstIndex(of: marker, in: folded, from: from) {
                separators += 1
                from = next + marker.count
            }
        }
        return separators >= 2
    }

    static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// Words from which a block is too long to be a caption.
    static let captionWords = 70

    /// Words a copyright credit at a block's end may have after its sign.
    static let creditWords = 12

    /// A line under a picture ending in its holder's credit, in any language: "Marco
    /// Odermatt, Ski-Star aus der Schweiz. © AFP / Marco Bertorello", "… am Mahnmal © Presse-
    /// und Informationsamt". A line that opens with the sign is a legal line, not this.
    static func endsInCopyrightCredit(_ folded: [UInt8]) -> Bool {
        guard folded.count > 2 else { return false }
        var sign = folded.count - 2
        while sign > 0, !(folded[sign] == 0xC2 && folded[sign + 1] == 0xA9) { sign -= 1 }
        // Prose before the sign, and a short name after it.
        guard sign > 0, folded.count - sign <= 90 else { return false }
        var words = 0
        var inWord = false
        for byte in folded[(sign + 2)...] {
            let isWordByte = UTF8Bytes.isASCIILetter(byte) || UTF8Bytes.isASCIIDigit(byte) || byte >= 0x80
            if isWordByte, !inWord { words += 1 }
            inWord = isWordByte
        }
        return words >= 1 && words <= creditWords
    }

    /// A caption ending in a photographer credit: "… on Saturday. JONAS VEL/Outlet Name".
    static func hasNameCredit(_ text: String, _ folded: [UInt8]) -> Bool {
        guard folded.suffix(80).contains(UInt8(ascii: "/")) else { return false }
        let scalars = Array(text.unicodeScalars.suffix(80))
        guard let slash = scalars.lastIndex(of: "/") else { return false }
        var start = slash
        while start > 0, scalars[start - 1] != ".", scalars[start - 1] != "(" { start -= 1 }
        let name = scalars[start..<slash].filter { $0 != " " }
        guard name.count >= 4, name.allSatisfy({ $0.properties.isUppercase || $0 == "-" || $0 == "'" }) else {
            return false
        }
        return scalars[(slash + 1)...].filter({ $0 == " " }).count <= 5
    }

    /// A caption carries a credit near its end: "(Image: Getty)", "Photo: …", "Screen grab …",
    /// "NAME/Getty Images", "(… via Getty Images)".
    static func isCaption(_ folded: [UInt8], _ features: BlockFeatures) -> Bool {
        if features.anchors.contains(.credit) {
            let tailStart = max(0, folded.count - 90)
            for marker in FurniturePatterns.creditMarkers where folded.containsBytes(marker, from: tailStart) {
                return true
            }
        }
        var end = folded.count
        while end > 0, folded[end - 1] == 0x20 || folded[end - 1] == 0x29 || folded[end - 1] == 0x2E
            || folded[end - 1] == 0x5D {
            end -= 1
        }
        for agency in FurniturePatterns.agencies where folded.hasByteSuffix(agency, endingAt: end) {
            let before = end - agency.count
            guard before > 0 else { continue }
            let separator = folded[before - 1]
            if separator == UInt8(ascii: "/") || separator == UInt8(ascii: "(") { return true }
            if before >= 4, folded.hasByteSuffix(via, endingAt: before) { return true }
        }
        return false
    }
}
