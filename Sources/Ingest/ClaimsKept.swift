import ArticleText
import Claims
import EventLog
import Foundation
import Logging
import Watcher

/// Measures that no claim is lost: for every article of a folder, each claim it yields when
/// ingested alone must be in the log of a run over the whole folder in a given order. A
/// claim counts as kept when the log holds a claim with the same key (sentence,
/// proposition, claimant) recorded for that file: one of its own, a repeat, or, for a copy,
/// a claim whose report it lists (`reports`) or that it records itself.
public enum ClaimsKept {
    public struct Result: Sendable, Equatable {
        /// Claims the files yield alone, and how many of them the run kept.
        public var expected = 0
        public var kept = 0
        /// Files read as articles and as copies in the run.
        public var articles = 0
        public var copies = 0
        /// The claims lost: the file and the claim's sentence.
        public var lost: [String] = []

        public var share: Double { expected == 0 ? 1 : Double(kept) / Double(expected) }

        public init() {}
    }

    /// Ingests `files` (names in `folder`) in the given order into a new state folder
    /// `state`, then checks each file's claims against what the log recorded.
    public static func measure(folder: String, order files: [String], state: String) throws -> Result {
        let layout = StateLayout(root: state)
        try layout.createFolders()
        let writer = try EventLogWriter(configuration: .init(directory: layout.log))
        var logger = Logger(label: "claimwatch.kept")
        logger.logLevel = .error
        let configuration = IngestConfiguration(layout: layout, dropFolder: folder, keepProcessed: true, quarantineRejected: false)
        do {
            let pipeline = try IngestPipeline(configuration: configuration, writer: writer, logger: logger)
            try pipeline.rebuild()
            let root = try DropPath(folder)
            for name in files {
                let relative = try DropPath(name)
                try pipeline.take(DroppedFile(relativePath: relative, absolutePath: root.appending(relative), trigger: .scan(.requested)))
            }
            try pipeline.drain()
        } catch {
            try? writer.close()
            throw error
        }
        try writer.close()
        return try check(folder: folder, files: files, log: layout.log)
    }

    /// Each file's claims, as the extractor reads the file alone, against the log.
    static func check(folder: String, files: [String], log: String) throws -> Result {
        let recorded = try Recorded(log: log)
        let extractor = ArticleExtractor()
        let claims = ClaimExtractor()
        var result = Result()
        for name in files {
            guard let data = FileManager.default.contents(atPath: folder + "/" + name),
                  let article = try? extractor.extract(bytes: [UInt8](data), fileName: name) else { continue }
            let keys = recorded.keys(for: name)
            if recorded.copies.contains(name) { result.copies += 1 } else if keys != nil { result.articles += 1 }
            for claim in claims.extract(from: article) {
                result.expected += 1
                if keys?.contains(ClaimMatcher.key(claim)) ?? false {
                    result.kept += 1
                } else {
                    result.lost.append("\(name): \(claim.text)")
                }
            }
        }
        return result
    }

    /// What the log recorded for each file: the keys of the claims it carries.
    private struct Recorded {
        /// Claim id → the keys of every claim event that stands for it (itself, its repeats).
        var keysOf: [String: Set<ClaimKey>] = [:]
        /// Claim events by article (or copy) id, and what each stands for.
        var byArticle: [String: [ClaimExtracted]] = [:]
        /// File path → the id it was recorded under, and a copy's reports (nil: unlisted).
        var idOf: [String: String] = [:]
        var reports: [String: [String]?] = [:]
        var copyOf: [String: String] = [:]
        var copies: Set<String> = []

        init(log: String) throws {
            let cursor = try LogCursor(directory: log)
            while let item = try cursor.next() {
                guard case let .record(record) = item else { continue }
                switch record.type {
                case ArticleIngested.eventType:
                    let ingested = try record.decode(ArticleIngested.self)
                    idOf[ingested.path] = ingested.article
                case ArticleDuplicate.eventType:
                    let copy = try record.decode(ArticleDuplicate.self)
                    idOf[copy.path] = copy.article
                    reports[copy.article] = .some(copy.reports)
                    copyOf[copy.article] = copy.of
                    copies.insert(copy.path)
                case ClaimExtracted.eventType:
                    let claim = try record.decode(ClaimExtracted.self)
                    keysOf[claim.repeats ?? claim.claim, default: []].insert(claim.key)
                    byArticle[claim.article, default: []].append(claim)
                default:
                    continue
                }
            }
        }

        /// The keys of the claims a file carries: its own claim events and, for a copy, the
        /// claims it lists (or, unlisted, those its original carries).
        func keys(for path: String) -> Set<ClaimKey>? {
            guard let id = idOf[path] else { return nil }
            var keys = Set((byArticle[id] ?? []).map(\.key))
            guard let listed = reports[id] else { return keys }
            let carried = listed ?? copyOf[id].map { original in
                (byArticle[original] ?? []).map { $0.repeats ?? $0.claim }
            } ?? []
            // A listed claim stands for itself and every claim that repeats it.
            for claim in carried { keys.formUnion(keysOf[claim] ?? []) }
            return keys
        }
    }
}
