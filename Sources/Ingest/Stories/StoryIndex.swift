import EventLog
import Ledger
import Store
import Stories

/// The stories the pipeline keeps in memory: which story each article belongs to, found as
/// articles arrive (`StoryGrouper`), and what the ledger needs to scope a figure (its
/// article's story, the day it speaks for, its outlet).
///
/// The log is the truth here as everywhere: a new article's story is written on its
/// `article.ingested` (a copy's on its `article.duplicate`), and a merge as a
/// `story.merged`. Replay takes the log's word for both (`restore`) rather than testing the
/// articles again, so a rebuild has the stories that were recorded, whatever a later
/// version of the test would say; it reads each article's features again from its stored
/// text only so that new articles can still join the stories.
struct StoryIndex {
    /// What the ledger scopes an article's figures by, besides its story.
    struct Facts {
        var date: StoryDate?
        var outlet: String?
    }

    private var grouper = StoryGrouper()
    private var reader = StoryReader()
    private var facts: [String: Facts] = [:]

    /// How many articles and copies the stories hold.
    var count: Int { grouper.count }

    /// The story an article or copy belongs to; nil for one recorded before stories were.
    func story(of article: String) -> String? {
        grouper.story(of: article)
    }

    /// Places a new article (or a copy, `copyOf` its original) in a story, and says which
    /// stories it showed to be that same one: the `story.merged` events to write after its own.
    /// `recorded` is the time the log records it at (RFC 3339).
    mutating func assign(_ article: String, title: String?, text: String, published: String?, outlet: String?,
                         recorded: String, copyOf original: String? = nil) -> (story: String, merged: [StoryMerged]) {
        let features = reader.features(title: title, text: text, published: published, recorded: recorded)
        facts[article] = Facts(date: features.date, outlet: outlet)
        let assignment = grouper.assign(article, features: features, copyOf: original, origin: StoryOrigin(recorded: recorded))
        let merged = assignment.merged.map { StoryMerged(story: $0, into: assignment.story, article: article) }
        return (assignment.story, merged)
    }

    /// Puts back an article or copy the log recorded in `story` (nil in a log written before
    /// stories: such an article joins none, and its figures keep the unscoped ledger). `text`
    /// is its stored text, nil when the store lost it (it is then never a candidate). `host`
    /// is the host that recorded it, nil for this host's own log. Returns the stories it
    /// renamed, for the ledger to follow (`StoryGrouper.restore`).
    @discardableResult
    mutating func restore(_ article: String, story: String?, title: String?, text: String?, published: String?,
                          outlet: String?, recorded: String, host: String? = nil) -> [StoryRename] {
        let date = StoryDate(published: published, recorded: recorded)
        facts[article] = Facts(date: date, outlet: outlet)
        guard let story else { return [] }
        let features = text.map { reader.features(title: title, text: $0, published: published, recorded: recorded) }
            ?? StoryFeatures(keywords: [], weights: [], names: [], date: date)
        return grouper.restore(article, features: features, story: story, origin: StoryOrigin(recorded: recorded, host: host))
    }

    /// Replays a recorded merge; returns the story it renamed, which is the record's own
    /// merge unless the records were replayed in another order than they were made.
    @discardableResult
    mutating func restore(_ merged: StoryMerged) -> [StoryRename] {
        grouper.restoreMerge(merged.story, into: merged.into).map { [$0] } ?? []
    }

    /// A recorded claim's figures as the ledger compares them: within its article's story,
    /// for the day the article speaks for, under the name of its source (the claimant, else
    /// the outlet, else the article: `SourceCounter`).
    func ledgerFigures(of claim: ClaimExtracted) -> [LedgerFigure] {
        let known = facts[claim.article]
        let story = grouper.story(of: claim.article)
        let canonical = claim.claimant.flatMap { $0.canonical.isEmpty ? nil : $0.canonical }
        let source = SourceCounter.source(claimant: canonical, outlet: known?.outlet, article: claim.article)
        return claim.ledgerFigures.map { figure in
            var scoped = figure
            scoped.story = story
            scoped.date = known?.date
            scoped.source = source
            return scoped
        }
    }
}
