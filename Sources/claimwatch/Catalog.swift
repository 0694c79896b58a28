import EventLog
import Ingest
import Store

/// The articles and copies of the log, read in one pass for `articles`, `dupes` and `show`.
enum Catalog {
    /// The catalog of the local log or, with --database, of the cluster's stream, with the
    /// stream's store it was read from (nil for the local log: opened only if asked for).
    static func load(_ state: StateOptions, _ cluster: DatabaseOptions, command: String) async throws
        -> (catalog: ArticleCatalog, store: ClaimStore?) {
        guard cluster.address() != nil else { return (try load(state), nil) }
        let store = try await QueryStore.open(state, cluster, command: command)
        let records = try QueryStore.answer { () throws(StoreError) in try store.keptRecords(types: ArticleCatalog.types) }
        do {
            return (try ArticleCatalog(records: records), store)
        } catch {
            throw CommandFailure(error.description)
        }
    }

    static func load(_ state: StateOptions) throws -> ArticleCatalog {
        let layout = try state.existingLog()
        do {
            return try ArticleCatalog(log: layout.log)
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// Whether the outlet filter keeps an article: its outlet holds the words in a row,
    /// ignoring case and accents.
    static func outlet(_ outlet: String?, matches article: ArticleIngested) -> Bool {
        guard let outlet else { return true }
        return article.outlet.map { SearchWords.contains($0, phrase: SearchWords.words(outlet)) } ?? false
    }

    /// An outlet named in a filter must be in the record (see `QueryStore.requireMatches`).
    static func requireOutlet(_ outlet: String?, in catalog: ArticleCatalog) throws {
        guard let outlet, !catalog.articles.contains(where: { self.outlet(outlet, matches: $0.ingested) }) else { return }
        throw CommandFailure("no outlet in the record matches '\(outlet)' (`claimwatch articles` shows them)")
    }

    /// A story as `articles`, `dupes` and `show` print it in JSON (`AnswerJSON.story`).
    static func json(_ story: ArticleCatalog.Story) -> JSONObjectBuilder {
        AnswerJSON.story(story.representative.record, copies: story.copies.map(\.record), versions: story.versions.map(\.record))
    }
}
