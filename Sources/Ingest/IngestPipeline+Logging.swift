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
                                                           "claims": "\(claims)", "words": "\(article.words)"])
            case let copy as ArticleDuplicate:
                logger.info("copy recorded", metadata: ["path": "\(path)", "article": "\(copy.article)", "of": "\(copy.of)",
                                                        "kind": "\(copy.kind.rawValue)"])
            default:
                continue
            }
        }
    }
}
