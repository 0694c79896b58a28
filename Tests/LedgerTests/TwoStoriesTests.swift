import Testing
import EventLog
@testable import Ledger
import Stories

/// Two invented stories of one week that count the same things (people killed, residents
/// displaced), each told by two outlets: grouped into stories from their texts, their
/// figures conflict within a story and never across.
@Suite struct TwoStoriesTests {
    static let damWire = """
        Kessen Dam breach floods the Arl valley

        ARLBURG — The Kessen Dam gave way on Tuesday and floodwater swept through the Arl valley, where the Arl \
        Valley Rescue Service said 14 people were killed. Governor Mira Tolland said about 9,000 residents were \
        displaced, and the dam operator Kessen Hydro promised an inquiry into the breach.

        Rescue crews searched flooded villages along the Arl all night. Tolland said the dam had passed its last \
        inspection, and Kessen Hydro said the spillway gates failed.
        """
    static let damCourier = """
        Arl valley counts its dead after the Kessen Dam breach

        Volunteers in the Arl valley said 21 people were killed when the Kessen Dam failed, more than the rescue \
        service had counted. Governor Mira Tolland visited Arlburg, where 12,000 residents were displaced by the \
        flood, and Kessen Hydro again blamed the spillway gates of the dam.

        Tolland said the valley would need months to recover from the breach.
        """
    static let fireWire = """
        Wildfire sweeps through the Pell hills

        PELLTON — A wildfire driven by strong winds swept through the Pell hills on Wednesday, and the Pell County \
        Fire Authority said 3 people were killed. Fire chief Oren Vask said 2,500 residents were displaced as \
        flames reached the outskirts of Pellton.

        Vask said crews from three counties were fighting the fire, and the Fire Authority closed the hill roads.
        """
    static let fireCourier = """
        Pellton evacuees wait as the Pell hills burn

        Evacuees from Pellton waited in shelters as the wildfire in the Pell hills burned for a second day. The Pell \
        County Fire Authority said 5 people were killed, and chief Oren Vask said 2,500 residents were displaced \
        by the fire.

        Vask said the wind would ease by Friday, and crews cut breaks in the hills around Pellton.
        """

    @Test("the same counted nouns in two stories: conflicts within each story, none across")
    func noConflictAcrossStories() throws {
        let articles = [("dam-wire", Self.damWire), ("fire-wire", Self.fireWire), ("dam-courier", Self.damCourier),
                        ("fire-courier", Self.fireCourier)]
        var grouper = StoryGrouper()
        var story: [String: String] = [:]
        for (id, text) in articles {
            let features = StoryFeatures(title: String(text.prefix { $0 != "\n" }), text: text, published: "2026-11-18",
                                         recorded: "2026-11-20T00:00:00Z")
            story[id] = grouper.assign(id, features: features).story
        }
        #expect(story["dam-courier"] == "dam-wire")
        #expect(story["fire-courier"] == "fire-wire")

        // Each sentence with a figure, as the claims stage gives it.
        let figures: [(article: String, text: String, value: Double, counted: String, source: String)] = [
            ("dam-wire", "14 people", 14, "people", "claimant:arl valley rescue service"),
            ("dam-wire", "about 9,000 residents", 9_000, "residents", "claimant:mira tolland"),
            ("fire-wire", "3 people", 3, "people", "claimant:pell county fire authority"),
            ("fire-wire", "2,500 residents", 2_500, "residents", "claimant:oren vask"),
            ("dam-courier", "21 people", 21, "people", "claimant:volunteers"),
            ("dam-courier", "12,000 residents", 12_000, "residents", "outlet:courier"),
            ("fire-courier", "5 people", 5, "people", "claimant:pell county fire authority"),
            ("fire-courier", "2,500 residents", 2_500, "residents", "claimant:oren vask"),
        ]
        var ledger = Ledger()
        var conflicts: [(FigureRef, FigureRef)] = []
        var articleOf: [FigureRef: String] = [:]
        for (number, figure) in figures.enumerated() {
            let text = articles.first { $0.0 == figure.article }?.1 ?? ""
            let sentence = text.split(separator: ".").first { $0.contains(figure.text) }.map(String.init) ?? ""
            let ref = FigureRef(claim: "\(figure.article)-\(number)", index: 0)
            articleOf[ref] = figure.article
            let filed = LedgerFigure(ref: ref, text: figure.text, low: figure.value, high: figure.value,
                                     bound: figure.text.hasPrefix("about") ? "approximately" : "exact", unit: nil,
                                     counted: figure.counted, sentence: sentence, story: story[figure.article],
                                     date: StoryDate(published: "2026-11-18", recorded: "2026-11-20T00:00:00Z"),
                                     source: figure.source)
            for other in ledger.add(filed)?.conflicts ?? [] { conflicts.append((ref, other)) }
        }
        let across = conflicts.filter { story[articleOf[$0.0] ?? ""] != story[articleOf[$0.1] ?? ""] }
        #expect(across.isEmpty)
        // Within the dam story the rescue service's 14 and the volunteers' 21 conflict, and so
        // do the governor's 9,000 and the courier's 12,000; the fire authority's 3 → 5 is an update.
        #expect(conflicts.count == 2)
        let labels = Set(ledger.topics.values.map(\.label))
        #expect(labels == ["people killed", "residents displaced"])
        #expect(ledger.topics.count == 4)
    }
}
