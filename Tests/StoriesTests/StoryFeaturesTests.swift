import Testing
@testable import Stories

@Suite struct StoryFeaturesTests {
    typealias F = StoryFixtures

    @Test("names are capitalized words inside sentences, a longer name known by its last word")
    func names() {
        let features = F.features("Officials in Tovara said Mayor Elsa Varga would meet the Transit Authority on Monday.")
        let expected = ["tovara", "varga", "authority"].map(F.hash).sorted()
        #expect(features.names == expected)
    }

    @Test("a capital that opens a sentence makes a name only when the article also writes it inside one")
    func sentenceOpeners() {
        let opener = F.features("Rescue crews searched the river. Crews said Tovara was calm.")
        #expect(opener.names == [F.hash("tovara")])
        let named = F.features("Varga spoke first. Later the crews thanked Varga.")
        #expect(named.names == [F.hash("varga")])
    }

    @Test("days, months, titles and a possessive's s do not make names")
    func notNames() {
        let features = F.features("On Tuesday in March the President thanked Varga’s team and the Police in Tovara's port.")
        #expect(features.names == ["varga", "tovara"].map(F.hash).sorted())
    }

    @Test("in a text that capitalizes its nouns, only names of two words or more count")
    func germanNouns() {
        let text = "Die Stadt und die Menschen haben nicht mit dem Hochwasser gerechnet, sagte Bürgermeisterin Elsa Varga "
            + "auf der Brücke. Das ist eine Katastrophe für die Region, und die Feuerwehr war mit allen Kräften im Einsatz."
        let features = F.features(text)
        #expect(features.names == [F.hash("varga")])
    }

    @Test("keywords are the content words used most, as a unit vector; the same text gives the same features")
    func keywords() {
        let features = F.features(F.bridgeWire)
        #expect(features.keywords.count == StoryFeatures.keywordCount)
        #expect(features.keywords == features.keywords.sorted())
        let norm = features.weights.reduce(Float(0)) { $0 + $1 * $1 }
        #expect(abs(norm - 1) < 0.001)
        #expect(features.keywords.contains(F.hash("bridge")))
        #expect(!features.keywords.contains(F.hash("the")))
        #expect(F.features(F.bridgeWire) == features)
        var reader = StoryReader()
        _ = reader.features(title: nil, text: F.chessFinal, published: nil, recorded: F.recorded)
        let reused = reader.features(title: "Halvik Bridge collapses over the Drenn River in Tovara", text: F.bridgeWire,
                                     published: "2026-11-18", recorded: F.recorded)
        #expect(reused == features)
    }

    @Test("the date is the published day, else the recorded one, and says which")
    func dates() throws {
        let published = try #require(StoryDate(published: "2026-11-18T10:00:00+01:00", recorded: F.recorded))
        #expect(published.kind == .published)
        #expect(published.day == StoryDate.day(of: "2026-11-18"))
        let recorded = try #require(StoryDate(published: "last Tuesday", recorded: F.recorded))
        #expect(recorded.kind == .recorded)
        #expect(recorded.day == StoryDate.day(of: "2026-11-20"))
        #expect(StoryDate.day(of: "1970-01-02") == 1)
        #expect(StoryDate.day(of: "2000-03-01") == 11_017)
        #expect(StoryDate.day(of: "2026-13-01") == nil)
        #expect(StoryDate(published: nil, recorded: "soon") == nil)
    }

    @Test("odd text reads without trouble: empty, one word, no letters, joiners at the ends")
    func oddText() {
        for text in ["", "A", "—", "'s", "-Tovara-", "U.S.", "…\u{FFFD}\u{0}", String(repeating: "x", count: 70_000)] {
            let features = StoryFeatures(title: text, text: text, published: nil, recorded: F.recorded)
            #expect(features.keywords.count == features.weights.count)
        }
    }
}
