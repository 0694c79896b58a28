/// What a reader learned about an article besides its blocks.
struct ArticleMetadata: Sendable, Equatable {
    var title: String?
    var url: String?
    var outlet: String?
    var published: String?
    var byline: String?
    /// When the page was last modified or fetched: never the published date itself, but
    /// the year a dateline without one is completed with (`YearlessDate`).
    var modified: String?
    /// Each author's name, as the page's metadata lists them.
    var authors: [String] = []
    /// A BCP 47 language tag ("de", "en-GB") from the page's markup.
    var language: String?

    /// A published value as the source wrote it: a date with a year becomes ISO 8601; a
    /// month and day alone gets its year from the URL or `modified`, or is dropped; anything
    /// else is kept as written.
    func publishedValue(_ raw: String) -> String? {
        if let date = DateFinder.firstDate(in: raw) { return date }
        if let monthDay = YearlessDate.inDateLine(raw) { return monthDay.completed(url: url, laterDate: modified) }
        return raw
    }

    /// The host of an http(s) URL without a leading "www.", as the outlet of last resort.
    static func host(of url: String) -> String? {
        var rest = Substring(url)
        for scheme in ["https://", "http://", "//"] where rest.lowercased().hasPrefix(scheme) {
            rest = rest.dropFirst(scheme.count)
            break
        }
        guard rest.count < url.count else { return nil }
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }.lowercased()
        guard host.contains(".") else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    /// A language value as a tag: "de_DE" becomes "de-DE"; anything that is not letters in
    /// one to three dash-separated parts (a sentence, a URL) is dropped.
    static func languageTag(_ raw: String) -> String? {
        let first = raw.split(separator: ",").first ?? ""
        let tag = String(first.filter { $0 != " " }.map { $0 == "_" ? "-" : $0 })
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), let first = parts.first, (2...3).contains(first.count),
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 8 && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } })
        else { return nil }
        return ([first.lowercased()] + parts.dropFirst().map(String.init)).joined(separator: "-")
    }
}

/// Blocks plus metadata: a reader's whole output.
struct DocumentDraft: Sendable {
    var blocks: [TextBlock]
    var metadata = ArticleMetadata()
    /// Verdicts a reader reached before boilerplate removal, one per block (HTML: outside
    /// the main content, inside a furniture container); nil where the remover decides.
    /// Empty when the reader decided nothing.
    var presets: [BlockDecision.Reason?] = []
    /// How the reader chose the blocks it kept, for `--explain`.
    var method: ExtractionMethod = .wholeText
    /// The remover's verdict, when the reader already ran it to compare readings.
    var judged: BoilerplateResult?
    /// The blocks hold no headline: the metadata's title heads the text.
    var titleFromMetadata = false
    /// The box (element) each block sat in, when the reader was asked for them; else empty.
    var boxes: [String] = []

    /// Puts a title (a record's) before the blocks, keeping verdicts already reached in step;
    /// a headline the page had stays in the text.
    mutating func prependTitle(_ title: String) {
        blocks.insert(TextBlock(text: title, role: .title), at: 0)
        if !presets.isEmpty { presets.insert(nil, at: 0) }
        if !boxes.isEmpty { boxes.insert("", at: 0) }
        titleFromMetadata = false
        guard var result = judged else { return }
        result.decisions.insert(BlockDecision(kept: true, reason: .title), at: 0)
        if let old = result.titleIndex, result.decisions[old + 1].kept {
            result.decisions[old + 1].reason = .body
        }
        result.titleIndex = 0
        judged = result
    }
}
