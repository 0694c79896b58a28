import EventLog
import Foundation

/// A log written by the test itself, record by record, each at a time the test chooses:
/// invented articles, copies and claims with known ids, for the commands to read.
struct LogFixture {
    let state: TemporaryFolder
    var log: String { state.path + "/log" }

    init(_ label: String) {
        state = TemporaryFolder(label)
    }

    /// Appends `events`, each stamped with the time beside it (`2026-11-12T08:00:00Z`).
    func write(_ events: [(time: String, event: any EventPayload)]) throws {
        let clock = FixedClock()
        let writer = try EventLogWriter(configuration: .init(directory: log, now: { clock.date }))
        defer { try? writer.close() }
        for (time, event) in events {
            guard let date = ISO8601DateFormatter().date(from: time) else { throw HarnessError("not a time: \(time)") }
            clock.date = date
            _ = try writer.enqueue([event])
            try writer.flush()
        }
    }

    /// The time the writer stamps the next record with.
    final class FixedClock: @unchecked Sendable {
        // @unchecked: `stored` is only touched with `lock` held.
        private let lock = NSLock()
        private var stored = Date()
        var date: Date {
            get { lock.withLock { stored } }
            set { lock.withLock { stored = newValue } }
        }
    }

    static func article(_ id: String, outlet: String?, published: String?, title: String) -> ArticleIngested {
        ArticleIngested(article: id, path: id + ".txt", content: id + "-content", format: "text", title: title, outlet: outlet,
                        published: published, bytes: 900, words: 150)
    }

    static func copy(_ id: String, of original: String, kind: ArticleDuplicate.Kind = .near) -> ArticleDuplicate {
        ArticleDuplicate(article: id, path: id + ".txt", of: original, kind: kind, similarity: kind == .exact ? 1 : 0.91, bytes: 900)
    }

    static func claim(_ id: String, article: String, name: String?, canonical: String? = nil, kind: String = "person",
                      text: String, stance: String = "asserts", quote: Bool = false,
                      figures: [ClaimExtracted.Figure] = []) -> ClaimExtracted {
        ClaimExtracted(claim: id, article: article, text: text, content: text, span: .init(start: 0, end: text.unicodeScalars.count),
                       claimant: name.map { .init(name: $0, canonical: canonical ?? $0, kind: kind) },
                       cue: name == nil ? nil : (stance == "denies" ? "denied" : "said"), stance: stance,
                       hedges: [], quote: quote, figures: figures)
    }

    static func count(_ text: String, _ value: Double, counted: String, bound: FigureBound = .exact) -> ClaimExtracted.Figure {
        .init(text: text, low: bound == .atMost ? nil : value, high: bound == .atLeast ? nil : value, bound: bound, unit: nil,
              counted: counted)
    }

    /// An invented story over three days, from two outlets and an agency: a claimant
    /// whose name has an accent, a denial, a quote, a copy, conflicting counts of the
    /// evacuated, and ids that share their first characters.
    static let story: [(time: String, event: any EventPayload)] = [
        ("2026-11-10T09:00:00Z", article("e1aa0000aaaa0001", outlet: "Lakeside Gazette", published: "2026-11-10",
                                         title: "Ferry strike halts crossings")),
        ("2026-11-10T09:00:01Z", claim("e1aa0000aaaa0001-1", article: "e1aa0000aaaa0001", name: "Raúl Medina",
                                       text: "Raúl Medina said 40 crossings were cancelled.",
                                       figures: [count("40 crossings", 40, counted: "crossings")])),
        ("2026-11-10T09:00:02Z", claim("e1aa0000aaaa0001-2", article: "e1aa0000aaaa0001", name: nil,
                                       text: "About 300 people were evacuated from the island.",
                                       figures: [count("About 300 people", 300, counted: "people", bound: "approximately")])),
        ("2026-11-12T10:00:00Z", article("e1bb0000bbbb0002", outlet: "Harbour Post", published: "2026-11-12T08:30:00+01:00",
                                         title: "Union denies plan to extend the strike")),
        ("2026-11-12T10:00:01Z", claim("e1bb0000bbbb0002-1", article: "e1bb0000bbbb0002", name: "The ferry union",
                                       canonical: "Ferry Workers Union", kind: "organization",
                                       text: "The ferry union denied that the strike would be extended.", stance: "denies")),
        ("2026-11-12T10:00:02Z", claim("e1bb0000bbbb0002-2", article: "e1bb0000bbbb0002", name: "Medina",
                                       canonical: "Raúl Medina",
                                       text: "\"We will not sail while the boats are unsafe,\" Medina said.", quote: true)),
        ("2026-11-12T10:00:03Z", claim("e1bb0000bbbb0002-3", article: "e1bb0000bbbb0002", name: "Harbour officials",
                                       kind: "anonymous", text: "Harbour officials said more than 500 people were evacuated.",
                                       figures: [count("more than 500 people", 500, counted: "people", bound: "atLeast")])),
        ("2026-11-13T11:00:00Z", copy("e1cc0000cccc0003", of: "e1aa0000aaaa0001", kind: .exact)),
        ("2026-11-14T12:00:00Z", article("e2dd0000dddd0004", outlet: nil, published: nil, title: "Crossings resume")),
        ("2026-11-14T12:00:01Z", claim("e2dd0000dddd0004-1", article: "e2dd0000dddd0004", name: nil,
                                       text: "Crossings resumed on Saturday after 4 days.")),
    ]

    /// A state folder holding `story`.
    static func withStory(_ label: String) throws -> LogFixture {
        let fixture = LogFixture(label)
        try fixture.write(story)
        return fixture
    }
}
