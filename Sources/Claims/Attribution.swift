/// One reporting relation found in a sentence, as token ranges; the claimant is resolved
/// and named later, with the article's memory of earlier sources.
struct Attribution: Sendable {
    enum Source: Sendable {
        /// A noun phrase naming the source.
        case phrase(Range<Int>)
        /// A pronoun ("he", "they") to resolve to an earlier named source. Held inline, so
        /// that an attribution holds no reference and arrays of them free without a walk.
        case pronoun(Lower)
        /// The same source as another attribution in this sentence ("…, adding that …").
        case sameAs(Int)
    }

    var cue: Range<Int>
    var source: Source
    /// The asserted proposition, as tokens of the sentence.
    var content: Range<Int>
    var denies: Bool
    /// The cue is "according to"-like or the relation is weak; kept for the cue's text.
    var weak: Bool = false
    /// A speaker label ("SMITH: …", "Smith: …" in a headline): the content runs to the end
    /// of the paragraph.
    var label: Bool = false
    /// The content is mostly inside a quotation; set once the sentence's relations are
    /// found, since building claims and finding runs both ask.
    var quotation: Bool = false
}
