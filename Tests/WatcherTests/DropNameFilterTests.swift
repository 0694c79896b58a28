import Testing
import Watcher

@Suite("DropNameFilter")
struct DropNameFilterTests {
    static let defaultCases: [(name: String, ignored: Bool)] = [
        ("story.json", false),
        ("story.html", false),
        ("Story Final (2).txt", false),
        ("über.json", false),
        ("story.partial.json", false),
        (".hidden", true),
        (".story.json.a1B2c3", true),  // rsync's temporary name
        (".story.json.swp", true),  // vim
        ("story.json.part", true),
        ("story.json.PART", true),
        ("upload.tmp", true),
        ("UPLOAD.TMP", true),
        ("notes.swp", true),
        ("story.json~", true),
        ("~$report.docx", false),
    ]

    @Test("The default patterns skip dotfiles and temporary names and keep articles", arguments: defaultCases)
    func defaults(name: String, ignored: Bool) {
        #expect(DropNameFilter().ignores(name: name) == ignored)
    }

    static let globCases: [(pattern: String, name: String, matches: Bool)] = [
        ("*", "anything", true),
        ("*", "", true),
        ("a*c", "abbbc", true),
        ("a*c", "abbbd", false),
        ("a?c", "abc", true),
        ("a?c", "ac", false),
        ("a?c", "aüc", true),  // ? is one character, not one byte
        ("*.json", "x.json.part", false),
        ("*.json*", "x.json.part", true),
        ("*a*b*c*", "xaxbxcx", true),
        ("*a*b*c*", "xaxcxbx", false),
        ("report-????.csv", "report-2025.csv", true),
        ("report-????.csv", "report-25.csv", false),
        ("exact", "EXACT", true),
    ]

    @Test("Globs match * and ? over one name, ignoring ASCII case", arguments: globCases)
    func globs(pattern: String, name: String, matches: Bool) {
        #expect(DropNameFilter(patterns: [pattern]).ignores(name: name) == matches)
    }

    @Test("Names that are not valid UTF-8 are matched on their bytes")
    func rawBytes() {
        let filter = DropNameFilter(patterns: ["*.part"])
        #expect(filter.ignores(name: [0xFF, 0xFE] + Array(".part".utf8)))
        #expect(!filter.ignores(name: [0xFF, 0xFE] + Array(".json".utf8)))
    }

    @Test("An empty pattern list ignores nothing")
    func noPatterns() {
        #expect(!DropNameFilter(patterns: []).ignores(name: ".hidden"))
    }
}
