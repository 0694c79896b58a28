public import EventLog

/// The columns of the read commands' `--csv` exports: flat, one value per cell, named as
/// the JSON fields are (`claimant.canonical` is the JSON's `.claimant.canonical`), and
/// one row per figure where a claim or topic holds several. Numbers are written as the
/// log writes them (`155`, not `155.0`); lists are joined with "; ".
public enum AnswerCSV {
    public static let claimsHeader = [
        "seq", "time", "claim", "article", "outlet", "published", "path", "claimant.name", "claimant.canonical", "claimant.kind",
        "cue", "stance", "quote", "hedges", "text", "content", "figure.index", "figure.text", "figure.low", "figure.high",
        "figure.bound", "figure.unit", "figure.counted",
    ]

    /// A claim's rows: one per figure, or one with empty figure cells.
    public static func claimRows(_ claim: ClaimExtracted, row: ClaimRow) -> [[String?]] {
        let shared: [String?] = [
            String(row.seq), row.time, claim.claim, claim.article, row.outlet, row.published, row.path, claim.claimant?.name,
            claim.claimant?.canonical, claim.claimant?.kind, claim.cue, claim.stance, claim.quote ? "true" : "false",
            claim.hedges.joined(separator: "; "), claim.text, claim.content,
        ]
        guard !claim.figures.isEmpty else { return [shared + Array(repeating: nil, count: 7)] }
        return claim.figures.enumerated().map { index, figure in
            shared + [String(index), figure.text, number(figure.low), number(figure.high), figure.bound.rawValue, figure.unit, figure.counted]
        }
    }

    public static let figuresHeader = [
        "topic", "label", "key", "claim", "index", "article", "outlet", "path", "published", "time", "claimant.canonical", "cue",
        "stance", "text", "low", "high", "bound", "unit", "counted", "copies", "sources", "reports", "agreeing", "conflicting",
        "conflicts", "updates", "updatedBy", "day", "dayIs",
    ]

    /// A topic's rows, one per figure; `conflicts` names figures as `claim#index`.
    public static func figureRows(_ topic: TopicReport) -> [[String?]] {
        topic.figures.map { line in
            let (day, dated) = ClaimStore.day(published: line.published, recorded: line.time)
            return [topic.id, topic.topic, topic.key, line.claim, String(line.index), line.article, line.outlet, line.path, line.published,
                    line.time, line.claimant, line.cue, line.stance, line.text, number(line.low), number(line.high), line.bound.rawValue, line.unit,
                    line.counted, String(line.copies), String(line.sources), String(line.reports),
                    String(line.agreeing), String(line.conflicting),
                    line.conflicts.map(topic.nameOf).joined(separator: "; "), line.updates, line.updatedBy, day, dated]
        }
    }

    public static let articlesHeader = [
        "seq", "time", "article", "path", "content", "format", "title", "outlet", "url", "published", "byline", "bytes", "words",
        "copies",
    ]

    public static func articleRow(_ article: ArticleIngested, seq: UInt64, time: String, copies: Int) -> [String?] {
        [String(seq), time, article.article, article.path, article.content, article.format, article.title, article.outlet,
         article.url, article.published, article.byline, String(article.bytes), String(article.words), String(copies)]
    }

    public static let copiesHeader = [
        "article", "title", "outlet", "path", "published", "copy.seq", "copy.time", "copy.article", "copy.path", "copy.kind",
        "copy.similarity", "copy.containment",
    ]

    /// One row per copy, beside the article it copies.
    public static func copyRow(_ copy: ArticleDuplicate, seq: UInt64, time: String, of article: ArticleIngested) -> [String?] {
        [article.article, article.title, article.outlet, article.path, article.published, String(seq), time, copy.article,
         copy.path, copy.kind.rawValue, number(copy.similarity), number(copy.containment)]
    }

    /// One row for another version of a story (an article that added something, so not a
    /// copy), beside the story's fullest version: `copy.kind` is `version`, and
    /// `copy.containment` how much of it the fuller one holds, when it lies inside it.
    public static func versionRow(_ version: ArticleIngested, seq: UInt64, time: String, within: ArticleContained?,
                                  of article: ArticleIngested) -> [String?] {
        [article.article, article.title, article.outlet, article.path, article.published, String(seq), time, version.article,
         version.path, "version", number(within?.similarity), number(within?.containment)]
    }

    public static let claimantsHeader = ["claimant.canonical", "claimant.kind", "claims", "figures", "articles"]

    public static func claimantRow(_ row: ClaimantRow) -> [String?] {
        [row.claimant, row.kind, String(row.claims), String(row.figures), String(row.articles)]
    }

    /// A number as the log writes it.
    static func number(_ value: Double?) -> String? {
        guard let value else { return nil }
        if value == value.rounded(), abs(value) < 9_007_199_254_740_992 { return String(Int64(value)) }
        return String(value)
    }
}
