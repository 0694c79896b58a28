extension BoilerplateRemover {
    /// Words from which a line is too long to be a label and a linked headline.
    static let labelledLinkWords = 25

    /// A line that is a short label, a separator and a link to another story, the link
    /// covering everything after the label: "Read also: <a>…</a>", "PUEDES VER: <a>…</a>",
    /// "À lire aussi » <a>…</a>", "Czytaj też: <a>…</a>". Told by its shape (a label of one
    /// to three words, then nothing but the link), not by the label's words, so it holds in
    /// any language; a sentence with a link in it has unlinked words after its first colon.
    static func isLabelledLink(_ block: TextBlock, _ features: BlockFeatures) -> Bool {
        guard features.words <= labelledLinkWords, block.linkDensity > 0.5 else { return false }
        let bytes = Array(block.text.utf8)
        var words = 0
        var inWord = false
        var index = 0
        while index < min(bytes.count, 48) {
            let byte = bytes[index]
            let separator = byte == UInt8(ascii: ":") || byte == UInt8(ascii: "|") || byte == UInt8(ascii: ">")
                || (byte == 0xC2 && index + 1 < bytes.count && bytes[index + 1] == 0xBB)  // »
            if separator {
                guard words >= 1, words <= 3 else { return false }
                var rest = index + (byte == 0xC2 ? 2 : 1)
                // A separator the link follows after a space: "https://…" is an address.
                guard rest < bytes.count, bytes[rest] == 0x20 else { return false }
                while rest < bytes.count, bytes[rest] == 0x20 { rest += 1 }
                guard rest < bytes.count else { return false }
                // Link text is measured in bytes, so the part after the label is too.
                return block.linkDensity >= Double(bytes.count - rest) / Double(bytes.count) - 0.03
            }
            let isSpace = byte == 0x20
            if !isSpace, !inWord { words += 1 }
            inWord = !isSpace
            index += 1
        }
        return false
    }
}
