import EventLog
import Ingest
import Store

/// What a page or an answer reads with, on one reader thread: its own connection to the
/// query store, its own reader of log records, the article texts, and the shared index of
/// where article records lie. Not shared between threads (SQLite connections and the
/// record reader's buffers are single-owner).
final class LedgerReading {
    let store: ClaimStore
    let records: any RecordReading
    let texts: ArticleStore
    let articles: ArticleRecords

    init(paths: WebConfiguration.Paths, articles: ArticleRecords) throws(WebError) {
        do {
            store = paths.streamed ? try ClaimStore(streamCache: paths.store) : try ClaimStore(path: paths.store, log: paths.log, catchUp: false)
        } catch {
            throw .store(error)
        }
        records = store.recordReader()
        texts = ArticleStore(folder: paths.articles)
        self.articles = articles
    }

    /// A record the index says is there, read back and checked.
    func record(_ located: ArticleRecords.Located) throws(WebError) -> LogRecord {
        do {
            return try records.record(at: located.location, seq: located.seq)
        } catch {
            throw .log(error)
        }
    }

    /// A store query, its failure as the web face's error.
    func query<Answer>(_ body: (ClaimStore) throws(StoreError) -> Answer) throws(WebError) -> Answer {
        do {
            return try body(store)
        } catch {
            throw .store(error)
        }
    }
}
