import EventLog
import Logging
import Watcher

extension IngestPipeline {
    /// One line per file whose events are durable, at info, so the daemon's journal shows
    /// the flow (`journalctl -u claimwatchd`): what the file became and where it went.
    func logRecorded(_ file: StagedFile) {
        let path = "\(file.file.relativePath)"
        for event in file.events {
            switch event {
            case let article as ArticleIngested:
                let claims = file.events.count { $0 is ClaimExtracted }
                logger.info("article recorded", metadata: ["path": "\(path)", "article": "\(article.article)",
                                                           "claims": "\(claims)", "words": "\(article.words)",
                                                           "story": "\(article.story ?? "-")",
                                                           "to": "\(Self.destination(article.archived, kept: article.kept))"])
            case let copy as ArticleDuplicate:
                logger.info("copy recorded", metadata: ["path": "\(path)", "article": "\(copy.article)", "of": "\(copy.of)",
                                                        "kind": "\(copy.kind.rawValue)",
                                                        "to": "\(Self.destination(copy.archived, kept: copy.kept))"])
            case let merged as StoryMerged:
                logger.info("stories merged", metadata: ["story": "\(merged.story)", "into": "\(merged.into)",
                                                         "article": "\(merged.article)"])
            default:
                continue
            }
        }
    }

    /// Where the file went, as its event says: its archive path, or that it stayed.
    static func destination(_ archived: String?, kept: Bool?) -> String {
        archived ?? (kept == true ? "kept in place" : "archive")
    }
}
