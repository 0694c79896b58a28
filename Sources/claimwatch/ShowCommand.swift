import ArgumentParser
import ConsoleOutput
import EventLog
import Foundation
import Ingest
import Store

struct ShowCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "Show one article: its fullest version's metadata, clean text and claims, its other versions and its copies.",
        discussion: """
            ID may be shortened to any unique prefix; a prefix several ids share is an error \
            that lists them. Given the id of any version or copy, shows the article it is \
            a version of, by its fullest version; with --copy and a copy's id, the copy itself, with its \
            own text. With --database, any cluster host's article, from the local copy of \
            the cluster's stream (its texts included).
            """
    )

    @OptionGroup var state: StateOptions
    @OptionGroup(title: "Cluster") var cluster: DatabaseOptions

    @Argument(help: "The article id (or a unique prefix), or a copy's.")
    var id: String

    @Flag(help: "Given a copy's id, show the copy itself: how it was matched, and its own text.")
    var copy = false

    @Flag(help: "Print one JSON object: the fullest version's record, then its text, copies, other versions and claims (see README).")
    var json = false

    func validate() throws {
        if id.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("the article id is empty") }
    }

    func run() async throws {
        // Over a cluster: the stream's projection, its records and the texts it keeps.
        let (catalog, streamStore) = try await Catalog.load(state, cluster, command: "show")
        let store = try streamStore ?? QueryStore.open(state)
        let articles = try cluster.articlesFolder(command: "show") ?? state.existingLog().articles
        let found = try QueryStore.lookup(id, in: store)
        var damage = catalog.damage + (try QueryStore.damage(store))
        let texts = ArticleStore(folder: articles)
        if copy {
            guard case let .copy(copyID, _) = found, let (copy, original) = catalog.copy(id: copyID) else {
                throw CommandFailure("\(id) names an article, not a copy: --copy shows a copy's own text")
            }
            try StandardOutput.write { out in try showCopy(copy, of: original, texts: texts, out: out) }
            return try Partial.check(damage)
        }
        guard let asked = found.original, let story = catalog.story(id: asked) else {
            throw CommandFailure("the log holds no article \(found.original ?? id): the query store is ahead of it; run `claimwatch reindex`")
        }
        // The story is shown by its fullest version, whichever version or copy was asked for.
        let entry = story.representative
        let original = entry.ingested.article
        let viaCopy: ArticleCatalog.Copy? = if case let .copy(copyID, _) = found { catalog.copy(id: copyID)?.copy } else { nil }
        let viaVersion = asked == original ? nil : catalog.article(id: asked)
        let claims = try QueryStore.answer { () throws(StoreError) in try store.claims(ClaimFilter(article: original)) }.reversed()
        let text = texts.text(for: entry.ingested.content)
        // The story of issue 19: the articles about one event this one is grouped with.
        let event = try QueryStore.answer { () throws(StoreError) in try store.story(ofArticle: original) }
        try StandardOutput.write { out in
            if json {
                let (line, missing) = try AnswerJSON.shownStory(Catalog.json(story), text: text, claims: claims,
                                                                reader: store.recordReader(),
                                                                copy: viaCopy?.record, version: viaVersion?.record)
                damage += missing
                return try out.line(line)
            }
            if let viaCopy {
                let kind = viaCopy.duplicate.kind.rawValue
                let of = viaCopy.duplicate.of == original ? "this article" : "\(viaCopy.duplicate.of), another version of this article"
                try out.line("\(viaCopy.duplicate.article) (\(viaCopy.duplicate.path)) is \(Wording.indefinite(kind)) \(kind) copy "
                             + "of \(of); `claimwatch show --copy \(viaCopy.duplicate.article)` shows its own text\n")
            } else if let viaVersion {
                let when = viaVersion.seq < entry.seq ? "an earlier" : "a later"
                try out.line("\(viaVersion.ingested.article) (\(viaVersion.ingested.path)) is \(when) version of this article "
                             + "(\(StorySummary.relation(viaVersion))); the fullest is shown\n")
            }
            let article = entry.ingested
            let fields: [(String, String?)] = [
                ("id", article.article), ("title", article.title), ("outlet", article.outlet), ("published", article.published),
                ("byline", article.byline), ("url", article.url), ("path", article.path), ("format", article.format),
                ("words", "\(article.words)"), ("recorded", "\(entry.time) (seq \(entry.seq))"), ("content", article.content),
                ("updates", article.updates),
                ("story", event.map { story in story.id + (story.title.map { " (\($0))" } ?? "") }),
            ]
            for (name, value) in fields { if let value { try out.line("\(name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(value)") } }
            try out.line("")
            try out.line(text ?? "(the stored text is missing from \(articles))")
            if !story.versions.isEmpty {
                try out.line("\n\(Wording.count(story.versions.count, "other version")):")
                for version in story.versions { try out.line("  " + StorySummary.version(version)) }
            }
            if !story.copies.isEmpty {
                try out.line("\n\(Wording.count(story.copies.count, "copy")):")
                for copy in story.copies { try out.line("  " + CopySummary.line(copy, shown: original)) }
            }
            try out.line("\n" + (claims.isEmpty ? "no claims" : "\(Wording.count(claims.count, "claim")):"))
            if !claims.isEmpty {
                let rows = claims.map { row in
                    ["  " + (row.canonical ?? row.claimant ?? "(unattributed)"), ClaimsCommand.cue(row),
                     row.figures.joined(separator: "; "), "\(row.reports)", row.text]
                }
                try out.line(Table.render(header: ["  CLAIMANT", "CUE", "FIGURES", "REPORTS", "TEXT"], rows: rows,
                                          width: Terminal.width(environment: ProcessInfo.processInfo.environment)))
            }
        }
        try Partial.check(damage)
    }

    /// A copy as itself: how it was matched, and its own text when it was kept.
    private func showCopy(_ copy: ArticleCatalog.Copy, of original: ArticleCatalog.Entry, texts: ArticleStore,
                          out: StandardOutput) throws {
        let duplicate = copy.duplicate
        let text = duplicate.content.flatMap { texts.text(for: $0) }
        if json {
            var object = JSONObjectBuilder(record: copy.record)
            try object.field("text", text)
            return try out.line(object.build())
        }
        let fields: [(String, String?)] = [
            ("id", duplicate.article), ("copy of", "\(duplicate.of) (\(original.ingested.title ?? original.ingested.path))"),
            ("kind", duplicate.kind.rawValue), ("similarity", String(format: "%.2f", duplicate.similarity)),
            ("containment", duplicate.containment.map { String(format: "%.2f", $0) }), ("path", duplicate.path),
            ("recorded", "\(copy.time) (seq \(copy.seq))"), ("content", duplicate.content),
        ]
        for (name, value) in fields { if let value { try out.line("\(name.padding(toLength: 11, withPad: " ", startingAt: 0)) \(value)") } }
        try out.line("")
        try out.line(text ?? "(the copy's own text was not kept: it was recorded before claimwatch kept the texts of copies)")
    }
}
