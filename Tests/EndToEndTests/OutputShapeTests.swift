import EventLog
import Foundation
import Testing

/// `--json` answers are the log's records with fields added, so one jq filter reads both;
/// `--csv` is RFC 4180 with one row per figure.
@Suite struct OutputShapeTests {
    let claimwatch = Executable("claimwatch")

    static func object(_ line: some StringProtocol) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    /// Every record of the log by seq, as objects.
    static func records(_ fixture: LogFixture) throws -> [Int: [String: Any]] {
        var records: [Int: [String: Any]] = [:]
        let cursor = try EventLogReader(directory: fixture.log).cursor()
        while case let .record(record)? = try cursor.next() { records[Int(record.seq)] = try object(record.json) }
        return records
    }

    /// Whether every member of `record` but its checksum is in `line` with the same value.
    static func carries(_ line: [String: Any], _ record: [String: Any]) -> Bool {
        record.allSatisfy { key, value in key == "crc" || (line[key].map { NSDictionary(dictionary: [key: $0]) == NSDictionary(dictionary: [key: value]) } ?? false) }
    }

    @Test("claims --json: each line is the claim's record, every field as the log has it, then its article's outlet and dates")
    func claimsAreRecords() throws {
        let fixture = try LogFixture.withStory("json-claims")
        let records = try Self.records(fixture)
        let result = try claimwatch.run(["claims", "--json", "--state", fixture.state.path])
        let lines = try result.stdout.split(separator: "\n").map(Self.object)
        #expect(lines.count == 6)
        for line in lines {
            let seq = try #require(line["seq"] as? Int)
            let record = try #require(records[seq])
            #expect(Self.carries(line, record), "\(line)")
            #expect(line["crc"] == nil)
        }
        let raul = try #require(lines.first { $0["claim"] as? String == "e1aa0000aaaa0001-1" })
        #expect((raul["claimant"] as? [String: Any])?["canonical"] as? String == "Raúl Medina")
        #expect(raul["hedges"] as? [String] == [])
        #expect(((raul["figures"] as? [[String: Any]])?.first)?["low"] as? Int == 40)
        #expect(raul["outlet"] as? String == "Lakeside Gazette")
        #expect(raul["published"] as? String == "2026-11-10")
    }

    @Test("figures --json: each figure is its object from the claim's record, with the claimant as the log has it")
    func figuresAreRecords() throws {
        let fixture = try LogFixture.withStory("json-figures")
        let records = try Self.records(fixture)
        let result = try claimwatch.run(["figures", "--json", "--about", "people", "--state", fixture.state.path])
        let topic = try Self.object(try #require(result.stdout.split(separator: "\n").first))
        #expect((topic["topic"] as? String)?.count == 16)
        // The label says what is counted and in which state (the people were evacuated).
        #expect(topic["label"] as? String == "people displaced")
        let figures = try #require(topic["figures"] as? [[String: Any]])
        #expect(figures.count == 2)
        for figure in figures {
            let seq = try #require(figure["seq"] as? Int)
            let claim = try #require(records[seq])
            let index = try #require(figure["index"] as? Int)
            let recorded = try #require((claim["figures"] as? [[String: Any]])?[index])
            #expect(Self.carries(figure, recorded))
            #expect((figure["claimant"] as? [String: Any]).map(NSDictionary.init(dictionary:))
                    == (claim["claimant"] as? [String: Any]).map(NSDictionary.init(dictionary:)))
            // The 300 of the 10th and the more than 500 of the 12th speak for days too far
            // apart to be compared, as in the live ledger: neither agrees nor conflicts.
            #expect(figure["conflicting"] as? Int == 0 && figure["agreeing"] as? Int == 0)
            #expect((figure["conflicts"] as? [[String: Any]])?.isEmpty == true)
            #expect(figure["day"] as? String == (figure["published"] as? String).map { String($0.prefix(10)) })
            #expect(figure["dayIs"] as? String == "published")
        }
        let pairs = try #require(topic["pairs"] as? [[[String: Any]]])
        #expect(pairs.isEmpty)
    }

    /// A claim as a later version might write it, with fields this one does not know.
    struct LaterClaim: EventPayload {
        static let eventType = "claim.extracted"
        struct Figure: Codable, Sendable {
            var text: String
            var low: Double?
            var high: Double?
            var bound: String
            var counted: String?
            var scale: String
        }
        var claim: String
        var article: String
        var text: String
        var stance: String
        var hedges: [String]
        var quote: Bool
        var figures: [Figure]
        var certainty: Double
    }

    @Test("fields a newer version writes come through claims --json and figures --json untouched")
    func newFieldsPassThrough() throws {
        let fixture = try LogFixture.withStory("json-new-fields")
        let figure = LaterClaim.Figure(text: "some 250 people", low: 250, high: 250, bound: "approximately", counted: "people",
                                       scale: "regional")
        try fixture.write([("2026-11-15T08:00:00Z", LaterClaim(claim: "e2dd0000dddd0004-2", article: "e2dd0000dddd0004",
                                                                text: "Some 250 people were evacuated again.", stance: "asserts",
                                                                hedges: [], quote: false, figures: [figure], certainty: 0.5))])
        let claims = try claimwatch.run(["claims", "--json", "-n", "1", "--state", fixture.state.path])
        let line = try Self.object(claims.stdout.split(separator: "\n")[0])
        #expect(line["certainty"] as? Double == 0.5)
        #expect((line["figures"] as? [[String: Any]])?.first?["scale"] as? String == "regional")
        let figures = try claimwatch.run(["figures", "--json", "--about", "people", "--state", fixture.state.path])
        #expect(figures.stdout.contains(#""text":"some 250 people","low":250,"high":250,"bound":"approximately","counted":"people","scale":"regional""#))
    }

    @Test("articles, dupes and show --json carry the article's record and its copies' records")
    func articlesAreRecords() throws {
        let fixture = try LogFixture.withStory("json-articles")
        let records = try Self.records(fixture)
        let articles = try claimwatch.run(["articles", "--json", "--state", fixture.state.path]).stdout.split(separator: "\n").map(Self.object)
        for article in articles {
            let seq = try #require(article["seq"] as? Int)
            let record = try #require(records[seq])
            #expect(Self.carries(article, record))
        }
        let dupes = try claimwatch.run(["dupes", "--json", "--state", fixture.state.path]).stdout.split(separator: "\n").map(Self.object)
        #expect(dupes.count == 1)
        let copy = try #require((dupes[0]["copies"] as? [[String: Any]])?.first)
        let copyRecord = try #require(records[8])
        #expect(Self.carries(copy, copyRecord))
        let show = try Self.object(try claimwatch.run(["show", "e1cc", "--json", "--state", fixture.state.path]).stdout)
        #expect(show["article"] as? String == "e1aa0000aaaa0001")
        #expect((show["claims"] as? [[String: Any]])?.count == 2)
        #expect((show["copy"] as? [String: Any])?["kind"] as? String == "exact")
    }

    @Test("claims --csv: RFC 4180, the documented columns, one row per figure, quotes doubled")
    func claimsCSV() throws {
        let fixture = try LogFixture.withStory("csv-claims")
        let result = try claimwatch.run(["claims", "--csv", "--state", fixture.state.path])
        #expect(result.status == 0)
        let rows = try CSVReader.rows(result.stdout)
        #expect(rows.first == ["seq", "time", "claim", "article", "outlet", "published", "path", "claimant.name", "claimant.canonical",
                               "claimant.kind", "cue", "stance", "quote", "hedges", "text", "content", "figure.index", "figure.text",
                               "figure.low", "figure.high", "figure.bound", "figure.unit", "figure.counted"])
        #expect(rows.count == 7)
        #expect(Set(rows.map(\.count)) == [23])
        let quote = try #require(rows.first { $0[2] == "e1bb0000bbbb0002-2" })
        #expect(quote[14] == "\"We will not sail while the boats are unsafe,\" Medina said.")
        #expect(result.stdout.contains("\"\"\"We will not sail"))
        let evacuated = try #require(rows.first { $0[2] == "e1bb0000bbbb0002-3" })
        #expect(Array(evacuated[17...20]) == ["more than 500 people", "500", "", "atLeast"])
        #expect(result.stdout.hasSuffix("\r\n"))
    }

    @Test("figures, articles, dupes and claimants export CSV with a header and a row each")
    func otherCSV() throws {
        let fixture = try LogFixture.withStory("csv-other")
        let state = ["--state", fixture.state.path]
        let figures = try CSVReader.rows(try claimwatch.run(["figures", "--csv", "--about", "people"] + state).stdout)
        #expect(figures.count == 3)
        #expect(figures[0].prefix(3) == ["topic", "label", "key"])
        // Two days apart: not compared (see the JSON test).
        #expect(figures[1][figures[0].firstIndex(of: "conflicts")!] == "")
        #expect(figures[1][figures[0].firstIndex(of: "day")!] == "2026-11-10")
        #expect(figures[1][figures[0].firstIndex(of: "dayIs")!] == "published")
        let articles = try CSVReader.rows(try claimwatch.run(["articles", "--csv"] + state).stdout)
        #expect(articles.count == 4)
        let dupes = try CSVReader.rows(try claimwatch.run(["dupes", "--csv"] + state).stdout)
        #expect(dupes.count == 2)
        #expect(dupes[1][dupes[0].firstIndex(of: "copy.kind")!] == "exact")
        let claimants = try CSVReader.rows(try claimwatch.run(["claimants", "--csv"] + state).stdout)
        #expect(claimants[0] == ["claimant.canonical", "claimant.kind", "claims", "figures", "articles"])
        #expect(claimants.contains { $0[0] == "Raúl Medina" && $0[2] == "2" })
    }

    @Test("piped, the TEXT column is never cut, whatever COLUMNS says")
    func pipedNotCut() throws {
        let fixture = try LogFixture.withStory("piped")
        let long = "Harbour officials said more than 500 people were evacuated."
        for columns in ["40", "250"] {
            let result = try claimwatch.run(["claims", "--state", fixture.state.path], environment: ["COLUMNS": columns])
            #expect(result.stdout.contains(long))
            #expect(!result.stdout.contains("…"))
        }
    }

    @Test("on a terminal, tables fit its width (COLUMNS), the text cut with an ellipsis")
    func terminalFits() throws {
        let fixture = try LogFixture.withStory("terminal")
        for command in [["claims"], ["figures", "--about", "people"], ["articles"], ["show", "e1bb"]] {
            let result = try PseudoTerminal.run(claimwatch, command + ["--state", fixture.state.path], environment: ["COLUMNS": "72"])
            #expect(result.status == 0, "\(command): \(result.output)")
            let table = result.lines.filter { $0.contains("  ") }
            #expect(!table.isEmpty)
            for line in table { #expect(line.count <= 72, "\(command): \(line)") }
        }
        let wide = try PseudoTerminal.run(claimwatch, ["claims", "--state", fixture.state.path], environment: ["COLUMNS": "250"])
        #expect(wide.output.contains("Harbour officials said more than 500 people were evacuated."))
    }

    @Test("the terminal view of tail escapes quotes inside values")
    func tailEscapes() throws {
        let fixture = try LogFixture.withStory("tail-view")
        try fixture.write([("2026-11-15T08:00:00Z", LogFixture.article("e3ee0000eeee0005", outlet: nil, published: nil,
                                                                         title: "Ferries \"back to normal\" says operator"))])
        let result = try PseudoTerminal.run(claimwatch, ["tail", "-n", "1", "--state", fixture.state.path])
        #expect(result.output.contains(#"title="Ferries \"back to normal\" says operator""#), "\(result.output)")
    }

    @Test("wording: an exact copy, one article with one copy, one file")
    func wording() throws {
        let fixture = try LogFixture.withStory("wording")
        let state = ["--state", fixture.state.path]
        #expect(try claimwatch.run(["show", "e1cc"] + state).stdout.contains("is an exact copy of this article"))
        #expect(try claimwatch.run(["dupes"] + state).stdout.contains("1 article with 1 copy"))
        let folder = TemporaryFolder("one-file")
        try Data(SampleArticle.text(7).utf8).write(to: URL(fileURLWithPath: folder.path + "/one.txt"))
        let oneState = TemporaryFolder("one-state")
        let ingest = try claimwatch.run(["ingest", "--state", oneState.path, folder.path])
        #expect(ingest.stdout.contains("1 file from"))
        #expect(ingest.stdout.contains("1 new article, 0 copies"))
    }
}

/// Reads RFC 4180 text: quoted fields may hold commas, doubled quotes and line breaks.
enum CSVReader {
    static func rows(_ text: String) throws -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var characters = Array(text.unicodeScalars)[...]
        while let scalar = characters.popFirst() {
            if quoted {
                if scalar == "\"" {
                    if characters.first == "\"" { field.unicodeScalars.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    field.unicodeScalars.append(scalar)
                }
            } else if scalar == "\"" {
                quoted = true
            } else if scalar == "," {
                row.append(field)
                field = ""
            } else if scalar == "\r" {
                guard characters.popFirst() == "\n" else { throw HarnessError("a CR without its LF") }
                row.append(field)
                rows.append(row)
                row = []
                field = ""
            } else if scalar == "\n" {
                throw HarnessError("a record ended by LF alone")
            } else {
                field.unicodeScalars.append(scalar)
            }
        }
        guard row.isEmpty, field.isEmpty, !quoted else { throw HarnessError("the text does not end with CRLF") }
        return rows
    }
}
