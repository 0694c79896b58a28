/// Splits plain text (and markdown) into blocks. A non-empty line is a paragraph, as news
/// text files are usually written; blocks of hard-wrapped lines are joined back together.
enum PlainTextReader {
    static func blocks(from text: String, markdown: Bool) -> [TextBlock] {
        var lines = [[String]]()
        var current = [String]()
        var text = text
        text.withUTF8 { bytes in
            var start = 0
            var index = 0
            func endLine(at end: Int) {
                let line = TextNormalizer.collapse(UnsafeBufferPointer(rebasing: bytes[start..<end]))
                if line.isEmpty {
                    if !current.isEmpty { lines.append(current); current = [] }
                } else {
                    current.append(line)
                }
            }
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A || byte == 0x0D || byte == 0x0C {
                    endLine(at: index)
                    if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                    index += 1
                    start = index
                } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                          bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 {
                    endLine(at: index)
                    index += 3
                    start = index
                } else {
                    index += 1
                }
            }
            endLine(at: bytes.count)
        }
        if !current.isEmpty { lines.append(current) }

        let joinWrapped = lines.count > 1 && lines.contains { isHardWrapped($0) }
        var blocks = [TextBlock]()
        for group in lines {
            if joinWrapped, isHardWrapped(group) {
                blocks.append(block(group.joined(separator: " "), markdown: markdown))
            } else {
                for line in group { blocks.append(block(line, markdown: markdown)) }
            }
        }
        return blocks.filter { !$0.text.isEmpty }
    }

    /// Lines of a wrapped paragraph fill a column (40–100 characters, every line but the last)
    /// and do not end sentences on every line; separate one-line paragraphs do not look so.
    static func isHardWrapped(_ group: [String]) -> Bool {
        guard group.count >= 2 else { return false }
        var lengths = [Int]()
        var sentenceEnds = 0
        for line in group.dropLast() {
            lengths.append(UTF8Bytes.scalarCount(line))
            if let last = line.unicodeScalars.last, ".!?:\"”".unicodeScalars.contains(last) {
                sentenceEnds += 1
            }
        }
        guard let shortest = lengths.min(), let longest = lengths.max() else { return false }
        return shortest >= 40 && longest <= 100 && longest - shortest <= 35 && sentenceEnds * 2 < lengths.count + 1
    }

    static func block(_ line: String, markdown: Bool) -> TextBlock {
        guard markdown else { return TextBlock(text: line) }
        return MarkdownLine.block(line)
    }
}
