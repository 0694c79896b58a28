extension ClaimExtracted {
    /// Every claim is read when the query store is rebuilt, so it skips `JSONDecoder`
    /// (most of the rebuild's time); the same fields, with the same rules for absent
    /// optionals, as the `Codable` decoding it stands in for.
    public static func read(_ line: [UInt8]) -> ClaimExtracted? {
        var reader = EventFieldReader(line)
        var claim: String?, article: String?, text: String?, content: String?, span: Span?, claimant: Claimant?
        var cue: String?, stance: String?, hedges: [String]?, quote: Bool?, figures: [Figure]?
        var repeats: String?, updates: String?
        let read = reader.object { key, value in
            switch key {
            case "claim": claim = value.string(); return claim != nil
            case "article": article = value.string(); return article != nil
            case "text": text = value.string(); return text != nil
            case "content": return optional(&value) { $0.string() }.map { content = $0 } != nil
            case "cue": return optional(&value) { $0.string() }.map { cue = $0 } != nil
            case "repeats": return optional(&value) { $0.string() }.map { repeats = $0 } != nil
            case "updates": return optional(&value) { $0.string() }.map { updates = $0 } != nil
            case "stance": stance = value.string(); return stance != nil
            case "quote": quote = value.bool(); return quote != nil
            case "hedges":
                var list: [String] = []
                guard value.array({ element in
                    guard let hedge = element.string() else { return false }
                    list.append(hedge)
                    return true
                }) else { return false }
                hedges = list
                return true
            case "span": return optional(&value) { readSpan(&$0) }.map { span = $0 } != nil
            case "claimant": return optional(&value) { readClaimant(&$0) }.map { claimant = $0 } != nil
            case "figures":
                var list: [Figure] = []
                guard value.array({ element in
                    guard let figure = readFigure(&element) else { return false }
                    list.append(figure)
                    return true
                }) else { return false }
                figures = list
                return true
            default: return value.skip()
            }
        }
        guard read, reader.atEnd(), let claim, let article, let text, let stance, let hedges, let quote, let figures else { return nil }
        return ClaimExtracted(claim: claim, article: article, text: text, content: content, span: span, claimant: claimant,
                              cue: cue, stance: stance, hedges: hedges, quote: quote, figures: figures, repeats: repeats,
                              updates: updates)
    }

    /// `.some(nil)` for null, `.some(value)` for a value, nil when the value cannot be read.
    private static func optional<T>(_ reader: inout EventFieldReader, _ value: (inout EventFieldReader) -> T?) -> T?? {
        if reader.null() { return .some(nil) }
        return value(&reader).map { .some($0) }
    }

    private static func readSpan(_ reader: inout EventFieldReader) -> Span? {
        var start: Int?, end: Int?
        let read = reader.object { key, value in
            switch key {
            case "start": start = value.integer(); return start != nil
            case "end": end = value.integer(); return end != nil
            default: return value.skip()
            }
        }
        guard read, let start, let end else { return nil }
        return Span(start: start, end: end)
    }

    private static func readClaimant(_ reader: inout EventFieldReader) -> Claimant? {
        var name: String?, canonical: String?, kind: String?
        let read = reader.object { key, value in
            switch key {
            case "name": name = value.string(); return name != nil
            case "canonical": canonical = value.string(); return canonical != nil
            case "kind": kind = value.string(); return kind != nil
            default: return value.skip()
            }
        }
        guard read, let name, let canonical, let kind else { return nil }
        return Claimant(name: name, canonical: canonical, kind: kind)
    }

    /// The members a figure and its earlier value share.
    private struct ValueFields {
        var text: String?, low: Double?, high: Double?, bound: FigureBound?

        /// Reads `key` when it is one of them: whether its value could be read; nil for another key.
        mutating func read(_ key: String, _ value: inout EventFieldReader) -> Bool? {
            switch key {
            case "text": text = value.string(); return text != nil
            case "low": return optional(&value) { $0.double() }.map { low = $0 } != nil
            case "high": return optional(&value) { $0.double() }.map { high = $0 } != nil
            case "bound": bound = value.string().map(FigureBound.init(rawValue:)); return bound != nil
            default: return nil
            }
        }
    }

    private static func readFigure(_ reader: inout EventFieldReader) -> Figure? {
        var shared = ValueFields()
        var unit: String?, counted: String?, per: String?, of: String?, previous: Figure.Previous?, change: String?
        let read = reader.object { key, value in
            if let known = shared.read(key, &value) { return known }
            switch key {
            case "unit": return optional(&value) { $0.string() }.map { unit = $0 } != nil
            case "counted": return optional(&value) { $0.string() }.map { counted = $0 } != nil
            case "per": return optional(&value) { $0.string() }.map { per = $0 } != nil
            case "of": return optional(&value) { $0.string() }.map { of = $0 } != nil
            case "previous": return optional(&value) { readPrevious(&$0) }.map { previous = $0 } != nil
            case "change": return optional(&value) { $0.string() }.map { change = $0 } != nil
            default: return value.skip()
            }
        }
        guard read, let text = shared.text, let bound = shared.bound else { return nil }
        return Figure(text: text, low: shared.low, high: shared.high, bound: bound, unit: unit, counted: counted,
                      per: per, of: of, previous: previous, change: change)
    }

    private static func readPrevious(_ reader: inout EventFieldReader) -> Figure.Previous? {
        var shared = ValueFields()
        let read = reader.object { key, value in shared.read(key, &value) ?? value.skip() }
        guard read, let text = shared.text, let bound = shared.bound else { return nil }
        return Figure.Previous(text: text, low: shared.low, high: shared.high, bound: bound)
    }
}
