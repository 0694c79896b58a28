import Testing
@testable import ArticleText

/// Pages in the legacy encodings of their languages, declared in their markup, come out
/// as the text they hold; a declaration that the bytes belie is not believed.
@Suite struct LegacyCharsetTests {
    /// One invented sentence per language, in the page's encoding (bytes as the encoders give them).
    static let cases: [(label: String, bytes: [UInt8], text: String)] = [
        ("gb2312", [180, 243, 199, 197, 210, 242, 193, 209, 183, 236, 185, 216, 177, 213, 161, 163], "大桥因裂缝关闭。"),
        ("Shift_JIS", [139, 180, 130, 205, 140, 142, 151, 106, 147, 250, 130, 201, 149, 194, 141, 189, 130, 179, 130, 234,
                       130, 189, 129, 66], "橋は月曜日に閉鎖された。"),
        ("euc-kr", [180, 217, 184, 174, 176, 161, 32, 191, 249, 191, 228, 192, 207, 191, 161, 32, 198, 243, 188, 226, 181,
                    199, 190, 250, 180, 217, 46], "다리가 월요일에 폐쇄되었다."),
        ("windows-1251", [204, 238, 241, 242, 32, 231, 224, 234, 240, 251, 235, 232, 32, 226, 32, 239, 238, 237, 229, 228,
                          229, 235, 252, 237, 232, 234, 46], "Мост закрыли в понедельник."),
        ("windows-1250", [77, 111, 115, 116, 32, 122, 97, 109, 107, 110, 105, 234, 116, 111, 32, 119, 32, 112, 111, 110,
                          105, 101, 100, 122, 105, 97, 179, 101, 107, 44, 32, 179, 185, 99, 122, 110, 105, 101, 32, 122,
                          32, 107, 179, 97, 100, 107, 185, 46], "Most zamknięto w poniedziałek, łącznie z kładką."),
    ]

    func page(head: String, sentence: [UInt8]) -> [UInt8] {
        Array("<html><head>\(head)</head><body><article><h1>Bridge</h1><p>".utf8) + sentence
            + Array("</p></article></body></html>".utf8)
    }

    @Test("a page declaring GB2312, Shift_JIS, EUC-KR, Windows-1251 or Windows-1250 is converted", arguments: 0..<5)
    func declared(index: Int) throws {
        let (label, bytes, text) = Self.cases[index]
        for head in ["<meta charset=\"\(label)\">", "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=\(label)\">"] {
            let article = try ArticleExtractor.extract(bytes: page(head: head, sentence: bytes), fileName: "page.html")
            #expect(article.paragraphs.map(\.text) == ["Bridge", text])
            #expect(article.encoding == .legacyCharset)
        }
    }

    @Test("an archive's toolbar declaring UTF-8 before the page's own charset does not hide it")
    func archivedPage() throws {
        let head = "<script charset=\"utf-8\" src=\"/toolbar.js\"></script><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
        let article = try ArticleExtractor.extract(bytes: page(head: head, sentence: Self.cases[0].bytes), fileName: "page.html")
        #expect(article.paragraphs.last?.text == Self.cases[0].text)
    }

    @Test("UTF-8 bytes stay UTF-8 whatever the page declares; undeclared Latin-1 stays Windows-1252")
    func belied() throws {
        let utf8 = try TextDecoder.decode(page(head: "<meta charset=\"windows-1251\">", sentence: Array(Self.cases[3].text.utf8)))
        #expect(utf8.encoding == .utf8 && utf8.text.contains(Self.cases[3].text))
        let latin1 = try TextDecoder.decode(page(head: "", sentence: [0x63, 0x61, 0x66, 0xE9]))
        #expect(latin1.encoding == .windows1252 && latin1.text.contains("café"))
        let wrong = try TextDecoder.decode(page(head: "<meta charset=\"no-such-charset\">", sentence: [0x63, 0x61, 0x66, 0xE9]))
        #expect(wrong.encoding == .windows1252)
    }
}
