/// The article a page leaves to a script to render: its text lies in an attribute holding
/// JSON (`<div data-react-props="{…}">`), as HTML strings in it, and the markup shows
/// little or nothing of it. Read only when the markup's own text is short, and bounded: a
/// few attributes, a size limit, JSON nesting limited as everywhere in the module.
enum ScriptData {
    /// Bytes from which an attribute value may hold a script's data.
    static let minimumBytes = 1_000
    /// Attribute values kept per page.
    static let maximumAttributes = 4
    /// Bytes of one value read at most.
    static let maximumBytes = 4 << 20
    /// Strings of HTML looked at, at most, and their shortest length.
    static let maximumStrings = 10_000
    static let minimumStringBytes = 60

    /// The paragraphs of the HTML strings in the JSON values, in order, each once: strings
    /// holding a paragraph's markup (`<p>`), which a script's data carries for an article's
    /// text and not for its settings, names or links. A value often holds other stories too
    /// (the next project, related posts), each under a member of its own: the member that
    /// names the page's title is the page's, else the one with the most text.
    static func paragraphs(_ values: [String], title: String?) -> [String] {
        var best: (paragraphs: [String], bytes: Int, named: Bool) = ([], 0, false)
        let title = title.map { TextNormalizer.collapse($0).lowercased() }
        var strings = 0
        for value in values {
            guard let json = try? JSONParser.parse(Substring(value), maximumDepth: 64) else { continue }
            let groups: [JSONValue] = switch json {
            case .object(let members): members.map(\.1)
            case .array(let items): items
            default: [json]
            }
            for group in groups {
                var paragraphs = [String]()
                var seen = Set<String>()
                var named = false
                var pending = [group]
                while let next = pending.popLast(), strings < maximumStrings {
                    switch next {
                    case .string(let text):
                        strings += 1
                        if let title, !named, text.utf8.count < 400, Self.names(text, title) { named = true }
                        guard text.utf8.count >= minimumStringBytes, holdsParagraphs(text) else { continue }
                        for paragraph in DeclaredBody.paragraphs(text) where seen.insert(paragraph).inserted {
                            paragraphs.append(paragraph)
                        }
                    case .array(let items): pending += items.reversed()
                    case .object(let members): pending += members.map(\.1).reversed()
                    default: break
                    }
                }
                let bytes = paragraphs.reduce(0) { $0 + $1.utf8.count }
                if (named && !best.named) || (named == best.named && bytes > best.bytes) {
                    best = (paragraphs, bytes, named)
                }
            }
        }
        return best.paragraphs
    }

    /// Whether a short string is the page's title (lowercased), or the title with the
    /// site's name after it.
    static func names(_ text: String, _ title: String) -> Bool {
        let text = TextNormalizer.collapse(text).lowercased()
        return text.count >= 10 && (text == title || title.hasPrefix(text))
    }

    static func holdsParagraphs(_ text: String) -> Bool {
        text.contains("<p>") || text.contains("<p ") || text.contains("<P>")
    }
}

extension PageTreeBuilder {
    /// Keeps the range of an attribute value that starts like JSON and is long enough to
    /// carry an article.
    mutating func noteScriptData(_ start: HTMLStartTag) {
        var reader = HTMLAttributeReader(bytes, from: start.attributes.lowerBound)
        while let attribute = reader.next(), attribute.name.upperBound <= start.attributes.upperBound {
            let value = attribute.value
            guard value.count >= ScriptData.minimumBytes, value.count <= ScriptData.maximumBytes,
                  let first = value.first(where: { !HTMLScanner.isSpace(bytes[$0]) }) else { continue }
            // `{` written plainly, or as `&#123;`-style references do not occur in practice.
            guard bytes[first] == UInt8(ascii: "{") || bytes[first] == UInt8(ascii: "[") else { continue }
            scriptData.append(value)
            if scriptData.count == ScriptData.maximumAttributes { return }
        }
    }

    /// The kept attribute values, character references decoded; none when they hold fewer
    /// than `minimum` bytes in all (their text cannot be longer than they are).
    func scriptDataValues(atLeast minimum: Int) -> [String] {
        guard scriptData.reduce(0, { $0 + $1.count }) >= minimum else { return [] }
        return scriptData.map { range in
            var decoded = [UInt8]()
            CharacterReferences.shared.append(bytes, range, to: &decoded, attribute: true)
            return String(decoding: decoded, as: UTF8.self)
        }
    }
}
