/// The little of markdown that matters for article text: heading, quote and list markers at
/// the start of a line, emphasis marks, images, and links reduced to their text.
enum MarkdownLine {
    static func block(_ line: String) -> TextBlock {
        var scalars = Array(line.unicodeScalars)
        var role = TextBlock.Role.paragraph
        var hashes = 0
        while hashes < scalars.count, scalars[hashes] == "#" { hashes += 1 }
        if hashes > 0, hashes <= 6, hashes < scalars.count, scalars[hashes] == " " {
            scalars.removeFirst(hashes + 1)
            role = hashes == 1 ? .title : .heading
        } else if scalars.count > 1, scalars[0] == ">", scalars[1] == " " {
            scalars.removeFirst(2)
        } else if scalars.count > 1, "-*+".unicodeScalars.contains(scalars[0]), scalars[1] == " " {
            scalars.removeFirst(2)
            role = .listItem
        }
        var output = String.UnicodeScalarView()
        var linkScalars = 0
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == "!", index + 1 < scalars.count, scalars[index + 1] == "[",
               let close = closingLink(scalars, from: index + 1) {
                index = close
                continue
            }
            if scalar == "[", let close = closingLink(scalars, from: index),
               let textEnd = scalars[index...].firstIndex(of: "]") {
                output.append(contentsOf: scalars[(index + 1)..<textEnd])
                linkScalars += textEnd - index - 1
                index = close
                continue
            }
            if scalar == "*" || scalar == "`" || (scalar == "_" && index + 1 < scalars.count && scalars[index + 1] == "_") {
                index += scalar == "_" ? 2 : 1
                continue
            }
            output.append(scalar)
            index += 1
        }
        let text = TextNormalizer.collapse(String(output))
        let total = max(1, text.unicodeScalars.count)
        return TextBlock(text: text, role: role, linkDensity: Double(linkScalars) / Double(total))
    }

    /// For `[text](target)` starting at `open`, the index just past the closing parenthesis.
    static func closingLink(_ scalars: [Unicode.Scalar], from open: Int) -> Int? {
        guard let textEnd = scalars[open...].firstIndex(of: "]"),
              textEnd + 1 < scalars.count, scalars[textEnd + 1] == "(",
              let targetEnd = scalars[(textEnd + 1)...].firstIndex(of: ")") else { return nil }
        return targetEnd + 1
    }
}
