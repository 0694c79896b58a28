import ArgumentParser
import ConsoleOutput
import EventLog
import Foundation
import Ingest
import Store

/// Opens the query store for a command, caught up with the log. The store is a
/// projection: a state folder with a log but no store gets one, built from the log; a
/// folder with no log is an error (`StateOptions.existingLog`), and nothing is made there.
enum QueryStore {
    static func open(_ state: StateOptions) throws -> ClaimStore {
        let layout = try state.existingLog()
        do {
            try FileManager.default.createDirectory(atPath: layout.index, withIntermediateDirectories: true)
        } catch {
            throw CommandFailure("cannot create \(layout.index): \(error.localizedDescription)")
        }
        return try answer { () throws(StoreError) in try ClaimStore(path: layout.claimStore, log: layout.log) }
    }

    /// Runs one query, a store error becoming the command's failure.
    static func answer<Answer>(_ query: () throws(StoreError) -> Answer) throws -> Answer {
        do {
            return try query()
        } catch {
            throw CommandFailure(error.description)
        }
    }

    /// The damaged lines the store passed over: the answer is partial while there are any.
    static func damage(_ store: ClaimStore) throws -> [LogDamage] {
        try answer { () throws(StoreError) in try store.damage() }
    }

    /// The article an id or id prefix names: an unknown id, or one several ids start with,
    /// is an error (listing them), as everywhere an id is taken.
    static func lookup(_ id: String, in store: ClaimStore) throws -> ArticleLookup {
        let found = try answer { () throws(StoreError) in try store.lookup(article: id) }
        switch found {
        case .article, .copy:
            return found
        case .notFound:
            throw CommandFailure("no article or copy has an id starting with '\(id)' (`claimwatch articles` lists them)")
        case let .ambiguous(candidates, total):
            var lines = ["'\(id)' is the start of \(Wording.count(total, "id")); give more of it:"]
            lines += candidates.map { candidate in
                let what = candidate.copyOf.map { "copy of \($0)" } ?? "article"
                return "  \(candidate.id)  \(what)  \(candidate.title)"
            }
            if total > candidates.count { lines.append("  … and \(total - candidates.count) more") }
            throw CommandFailure(lines.joined(separator: "\n"))
        }
    }

    /// Checks that a claimant or outlet named in a filter is in the record at all: a name
    /// that matches nothing is more likely a typo than an empty answer.
    static func requireMatches(claimant: String?, outlet: String?, in store: ClaimStore) throws {
        if let claimant, try answer({ () throws(StoreError) in try store.claimants(matching: claimant) }).isEmpty {
            throw CommandFailure("no claimant in the record matches '\(claimant)' (`claimwatch claimants` lists them)")
        }
        if let outlet, try answer({ () throws(StoreError) in try store.outlets(matching: outlet) }).isEmpty {
            throw CommandFailure("no outlet in the record matches '\(outlet)' (`claimwatch articles` shows them)")
        }
    }
}

/// Checks that a search option holds something to search for.
enum SearchOption {
    static func validate(_ name: String, _ value: String?) throws {
        guard let value else { return }
        if SearchWords.words(value).isEmpty {
            throw ValidationError("\(name) '\(value)' holds no word to search for (letters or digits)")
        }
    }
}
