import Foundation
import Testing

/// A real browser: Debian's headless Chromium, where it is installed.
enum Browser {
    static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }
    /// CI installs Chromium and sets this, so a missing browser fails there instead of skipping.
    static let required = ProcessInfo.processInfo.environment["CLAIMWATCH_REQUIRE_BROWSER"] == "1"

    /// The document as Chromium has it after loading the page and running its scripts.
    static func dumpDOM(_ url: String) throws -> String {
        let browser = try #require(path, "chromium is not installed (Debian package: chromium), and CLAIMWATCH_REQUIRE_BROWSER=1")
        let profile = TemporaryFolder("chromium")
        let result = try Executable("chromium", path: browser).run([
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--user-data-dir=\(profile.path)", "--dump-dom", url,
        ])
        try #require(result.status == 0, "chromium failed: \(result.stderr.suffix(2000))")
        return result.stdout
    }
}

@Suite(.enabled(if: Browser.path != nil || Browser.required,
                "chromium is not installed (Debian package: chromium): the browser test is skipped; CI installs it"))
struct BrowserTests {
    @Test("headless Chromium renders the topic page: each figure's row and value, the conflict marks, the chart's marks, and the live script allowed by the CSP")
    func topicPage() throws {
        let served = try ServedLedger()
        let topics = try ServedLedger.objects(try served.get("/api/figures").text)
        // The example story's dead: the emergency service's 14 and 19, the rescuers' ≥ 26, River Watch's ≥ 31.
        let topic = try #require(topics.first { ($0["figures"] as? [[String: Any]])?.contains { ($0["low"] as? Double) == 26 } == true })
        let id = try #require(topic["topic"] as? String)
        let figures = try #require(topic["figures"] as? [[String: Any]])
        let conflicting = figures.filter { ($0["conflicting"] as? Int ?? 0) > 0 }.count
        #expect(conflicting >= 2, "the example story's toll is disputed")

        let dom = try Browser.dumpDOM("http://\(served.address)/topics/\(id)")
        #expect(dom.contains("data-live=\"listening\""), "the page's script did not run (blocked by the policy?)")
        // Every figure has its row, conflicting ones marked.
        for number in 1...figures.count { #expect(dom.contains("id=\"f\(number)\""), "row #\(number)") }
        #expect(dom.components(separatedBy: "<tr class=\"conflict\"").count - 1 == conflicting)
        for value in ["14", "19", "≥ 26", "≥ 31"] { #expect(dom.contains("<td>\(value)</td>"), "\(value)") }
        #expect(dom.contains("✗ conflicts with <a href=\"#f"))
        // The chart: a mark per figure (each source gives its own value here), floors for the
        // "at least" figures, a red ring on each conflicting one, and the emergency service's
        // update from 19 to 14 joined as one line.
        let svg = try #require(dom.range(of: "<svg class=\"chart\"").map { String(dom[$0.lowerBound...]) })
        #expect(svg.components(separatedBy: "<g class=\"mark ").count - 1 == figures.count)
        #expect(svg.components(separatedBy: "<g class=\"mark floor").count - 1 == 2)
        #expect(svg.components(separatedBy: "class=\"halo\"").count - 1 == conflicting)
        #expect(svg.contains("<polyline class=\"history s0\" data-source=\"Marrow Emergency Service\""))
    }

    @Test("headless Chromium renders the story page: its conflicts, its topics with labels, its articles under their outlets, the live script allowed")
    func storyPage() throws {
        let served = try ServedLedger()
        let story = try #require(try ServedLedger.objects(try served.get("/api/stories").text).first { ($0["conflicts"] as? Int ?? 0) > 0 })
        let id = try #require(story["story"] as? String)
        let conflicts = try #require(story["conflicts"] as? Int)
        let dom = try Browser.dumpDOM("http://\(served.address)/stories/\(id)")
        #expect(dom.contains("data-live=\"listening\""), "the page's script did not run (blocked by the policy?)")
        #expect(dom.contains("<section data-story=\"\(id)\">"))
        #expect(dom.components(separatedBy: "<li class=\"conflict\">").count - 1 == conflicts)
        #expect(dom.components(separatedBy: "<tr class=\"conflict\">").count - 1 == conflicts)
        for label in ["people killed", "residents displaced"] { #expect(dom.contains(">\(label)</a>"), "\(label)") }
        #expect(dom.contains("<dt>Halvern Courier</dt>"))
        #expect(dom.components(separatedBy: "<time>").count - 1 == story["articles"] as? Int)
    }
}
