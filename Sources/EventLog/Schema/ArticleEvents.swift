/// Which file a record is about, so the processed-file registry can be rebuilt from the
/// log alone: the same device, inode, size and mtime is the same drop.
public struct FileIdentity: Codable, Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64
    public var size: Int64
    /// Modification time in nanoseconds since the epoch.
    public var mtime: Int64

    public init(device: UInt64, inode: UInt64, size: Int64, mtime: Int64) {
        self.device = device
        self.inode = inode
        self.size = size
        self.mtime = mtime
    }
}

/// A new article entered the record: `article` is its stable id.
public struct ArticleIngested: EventPayload, Equatable {
    public static let eventType = "article.ingested"

    public var article: String
    /// The file's path relative to the drop folder when it was picked up.
    public var path: String
    /// SHA-256 (hex) of the article's normalized text; equal ids mean the same text.
    public var content: String
    public var format: String
    public var title: String?
    public var outlet: String?
    public var url: String?
    public var published: String?
    public var byline: String?
    /// When the page says it was last changed (web pages only; added with schema v1, optional).
    public var modified: String?
    /// Each author's name, as the page's metadata lists them (web pages only; optional).
    public var authors: [String]?
    /// The page's language as a BCP 47 tag, when its markup says (optional).
    public var language: String?
    public var bytes: Int
    public var words: Int
    public var file: FileIdentity?
    /// The earlier article this one is a later version of: near it or trimmed from it, but
    /// with something the earlier one does not say (a changed figure, a new quote, a new
    /// claimant, new paragraphs), so not a copy. Its claims name the claims they update.
    public var updates: String?
    /// Where the file was moved, relative to the state folder (`archive/<date>/…`),
    /// claimed before the event was written.
    public var archived: String?
    /// True when the file stayed where it was dropped (`--keep`, `claimwatch ingest`).
    public var kept: Bool?
    /// The story the article joined: the id of the story's first article (its own id when it
    /// starts one). Absent in records written before stories.
    public var story: String?

    public init(
        article: String, path: String, content: String, format: String, title: String? = nil,
        outlet: String? = nil, url: String? = nil, published: String? = nil, byline: String? = nil,
        modified: String? = nil, authors: [String]? = nil, language: String? = nil,
        bytes: Int, words: Int, file: FileIdentity? = nil, updates: String? = nil, archived: String? = nil,
        kept: Bool? = nil, story: String? = nil
    ) {
        self.article = article
        self.path = path
        self.content = content
        self.format = format
        self.title = title
        self.outlet = outlet
        self.url = url
        self.published = published
        self.byline = byline
        self.modified = modified
        self.authors = authors
        self.language = language
        self.bytes = bytes
        self.words = words
        self.file = file
        self.updates = updates
        self.archived = archived
        self.kept = kept
        self.story = story
    }
}

/// A file turned out to be a copy of an article already in the record: it adds nothing to it
/// (the same text, re-headlined or reformatted, or trimmed), so its claims are not recorded
/// again; `reports` names those it carries.
public struct ArticleDuplicate: EventPayload, Equatable {
    public static let eventType = "article.duplicate"

    public enum Kind: String, Codable, Sendable {
        /// The same normalized text.
        case exact
        /// Estimated Jaccard similarity at or above the threshold.
        case near
        /// Its text lies inside the earlier article's (a trimmed copy).
        case contained
    }

    public var article: String
    public var path: String
    /// The id of the earlier article this one copies.
    public var of: String
    public var kind: Kind
    public var similarity: Double
    public var containment: Double?
    public var content: String?
    public var bytes: Int
    public var file: FileIdentity?
    /// The claims already in the record that this copy carries (reports of them, never new
    /// sources): those of `of` it holds, and any it restates from other versions. Absent in
    /// older logs, where a copy carries every claim its original carries.
    public var reports: [String]?
    /// Where the file was moved, relative to the state folder.
    public var archived: String?
    /// True when the file stayed where it was dropped.
    public var kept: Bool?
    /// The story the copy is in: its original's (and the story the copy's text showed its
    /// original's to be one with, when it did). Absent in records written before stories.
    public var story: String?
    /// True on a late verdict (the cluster mode): this host recorded `article` as an
    /// original while the shared database was away, and another host holds an earlier
    /// original of it. The earlier `article.ingested` stays; from here on the article is a
    /// copy of `of`, in `story`. Absent otherwise.
    public var reconciled: Bool?
    /// On a late verdict: the article's recorded claims that are reports of `of`'s claims (or
    /// of others recorded earlier) from here on, as a single host would have recorded the
    /// copy's claims. Absent otherwise, and in older late verdicts.
    public var recast: [ClaimRecast]?

    public init(
        article: String, path: String, of original: String, kind: Kind, similarity: Double,
        containment: Double? = nil, content: String? = nil, bytes: Int, file: FileIdentity? = nil,
        reports: [String]? = nil, archived: String? = nil, kept: Bool? = nil, story: String? = nil, reconciled: Bool? = nil,
        recast: [ClaimRecast]? = nil
    ) {
        self.reconciled = reconciled
        self.recast = recast
        self.article = article
        self.path = path
        self.of = original
        self.kind = kind
        self.similarity = similarity
        self.containment = containment
        self.content = content
        self.bytes = bytes
        self.file = file
        self.reports = reports
        self.archived = archived
        self.kept = kept
        self.story = story
    }
}

/// A dropped file was refused and moved to quarantine.
public struct FileRejected: EventPayload, Equatable {
    public static let eventType = "file.rejected"

    public var path: String
    /// A stable, machine-readable reason code, e.g. `not-regular`, `too-large`, `not-text`.
    public var reason: String
    public var message: String
    /// Where the file was kept, relative to the state folder; absent if it could not be moved.
    public var quarantined: String?
    public var file: FileIdentity?

    public init(path: String, reason: String, message: String, quarantined: String? = nil, file: FileIdentity? = nil) {
        self.path = path
        self.reason = reason
        self.message = message
        self.quarantined = quarantined
        self.file = file
    }
}
