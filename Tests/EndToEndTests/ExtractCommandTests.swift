import Foundation
import Testing

/// `claimwatch extract` reads files and records nothing.
@Suite struct ExtractCommandTests {
    let claimwatch = Executable("claimwatch")

    static let page = """
        <html lang="en"><head><title>Bridge closed | Tessaly Herald</title>
        <meta property="og:site_name" content="Tessaly Herald">
        <meta property="article:published_time" content="2031-03-03T07:30:00Z"></head><body>
        <nav><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>Bridge closed</h1>
        <p>The town of Tessaly closed its old harbour bridge on Monday after inspectors found cracks in three pillars.</p>
        <div class="share-bar"><a href="#">Share on social media</a></div>
        <p>About 12,000 vehicles used the bridge every day, and most of them will now take a detour of 14 kilometres.</p>
        </article><footer><p>© 2031 Tessaly Herald</p></footer></body></html>
        """

    @Test("extract prints metadata and clean text; --explain lists each block with its verdict; --json is one object per file")
    func extract() throws {
        let folder = TemporaryFolder("extract")
        let path = folder.path + "/bridge.html"
        try Data(Self.page.utf8).write(to: URL(fileURLWithPath: path))

        let plain = try claimwatch.run(["extract", path])
        #expect(plain.status == 0)
        #expect(plain.stdout.contains("outlet     Tessaly Herald"))
        #expect(plain.stdout.contains("published  2031-03-03T07:30:00Z"))
        #expect(plain.stdout.contains("detour of 14 kilometres"))
        #expect(!plain.stdout.contains("Share on social media"))

        let explained = try claimwatch.run(["extract", "--explain", path])
        #expect(explained.stdout.contains("method     main content: article"))
        #expect(explained.stdout.contains("DROPPED outsideMainContent: Home News"))
        #expect(explained.stdout.contains("DROPPED furnitureInside: Share on social media"))
        #expect(explained.stdout.contains("KEPT    body: About 12,000 vehicles"))

        let missing = folder.path + "/nothing.html"
        try Data("<html><body><nav><a href=\"/\">Home</a></nav></body></html>".utf8).write(to: URL(fileURLWithPath: missing))
        let json = try claimwatch.run(["extract", "--json", path, missing])
        #expect(json.status == 1, "a file without article text fails the command")
        let lines = json.stdout.split(separator: "\n").map { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        #expect(lines.count == 2)
        #expect(lines.first??["title"] as? String == "Bridge closed")
        #expect(lines.first??["language"] as? String == "en")
        #expect(lines.last??["error"] as? String == "no article text found")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/log"), "nothing is recorded")
    }
}
