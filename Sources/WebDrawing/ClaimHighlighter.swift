import ConsoleOutput
public import EventLog

/// An article's text with each claim's sentence wrapped where its span says (a denial
/// marked apart) and each of its figures marked inside it. Spans count Unicode scalars of
/// the stored text; one that falls outside the text, or overlaps the claim before it, is
/// left unmarked rather than trusted.
public enum ClaimHighlighter {
    /// The element id of a claim's sentence in the text.
    public static func anchor(_ claim: String) -> String { "claim-" + claim }

    public static func html(text: String, claims: [ClaimExtracted]) -> HTML {
        let scalars = Array(text.unicodeScalars)
        let spans = claims.compactMap { claim -> (start: Int, end: Int, claim: ClaimExtracted)? in
            guard let span = claim.span, span.start >= 0, span.start < span.end, span.end <= scalars.count else { return nil }
            return (span.start, span.end, claim)
        }.sorted { $0.start < $1.start }
        var html = HTML()
        var cursor = 0
        for span in spans where span.start >= cursor {
            html.append(HTML(text: string(scalars[cursor..<span.start])))
            let claim = span.claim
            let kind = claim.stance == "denies" ? "claim denies" : "claim"
            let who = claim.claimant.map { "\($0.canonical) (\(claim.cue ?? claim.stance))" } ?? "unattributed"
            html.append("<span class=\"\(kind)\" id=\"\(anchor(claim.claim))\" title=\"\(who)\">")
            html.append(marked(scalars[span.start..<span.end], figures: claim.figures))
            html.append("</span>")
            cursor = span.end
        }
        html.append(HTML(text: string(scalars[cursor...])))
        return html
    }

    /// The sentence with each figure's text marked, in order, where it is found. Found by
    /// scalars, as spans count: Foundation's `range(of:)` on a substring handed back a range
    /// outside it for text with NULs in it (found by fuzz-web).
    static func marked(_ sentence: ArraySlice<Unicode.Scalar>, figures: [ClaimExtracted.Figure]) -> HTML {
        var html = HTML()
        var rest = sentence
        for figure in figures {
            guard let found = firstRange(of: Array(figure.text.unicodeScalars), in: rest) else { continue }
            html.append(HTML(text: string(rest[rest.startIndex..<found.lowerBound])))
            let value = FigureText.value(low: figure.low, high: figure.high, bound: figure.bound, unit: figure.unit)
            html.append("<mark class=\"figure\" title=\"\(value)\">\(string(rest[found]))</mark>")
            rest = rest[found.upperBound...]
        }
        html.append(HTML(text: string(rest)))
        return html
    }

    /// Where `wanted` first stands in `scalars`; nil for an empty one.
    static func firstRange(of wanted: [Unicode.Scalar], in scalars: ArraySlice<Unicode.Scalar>) -> Range<Int>? {
        guard let first = wanted.first, wanted.count <= scalars.count else { return nil }
        for start in scalars.startIndex...(scalars.endIndex - wanted.count) where scalars[start] == first {
            if scalars[start..<(start + wanted.count)].elementsEqual(wanted) { return start..<(start + wanted.count) }
        }
        return nil
    }

    private static func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
