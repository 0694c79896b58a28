import Testing
@testable import WebDrawing

@Suite struct HTMLTests {
    static func text(_ html: HTML) -> String { String(decoding: html.bytes, as: UTF8.self) }

    @Test("interpolated text is escaped for text and for quoted attributes; literal markup is kept")
    func escaping() {
        let hostile = "<script>alert('x')</script> & \"quoted\""
        let html: HTML = "<p title=\"\(hostile)\">\(hostile)</p>"
        let expected = "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"
        #expect(Self.text(html) == "<p title=\"\(expected)\">\(expected)</p>")
    }

    @Test("HTML goes in as it is, optionals and numbers as text, NUL as the replacement character")
    func pieces() {
        let inner: HTML = "<b>\("bold & brave")</b>"
        let missing: String? = nil
        let html: HTML = "\(inner)\(missing)\(42)\("a\u{0}b")"
        #expect(Self.text(html) == "<b>bold &amp; brave</b>42a\u{FFFD}b")
    }

    @Test("numbers are written as Swift prints them, written straight into the bytes")
    func numbers() {
        for number in [0, 7, -7, 10, 99, 100, 1_234_567, Int.max, Int.min] {
            let html: HTML = "\(number)"
            #expect(Self.text(html) == String(number))
        }
        let wide: HTML = "\(Int64.min) \(Int64(40))"
        #expect(Self.text(wide) == "\(Int64.min) 40")
    }

    @Test("site links percent-encode each value, so none can leave its segment or change the scheme")
    func links() {
        #expect(SiteLink.claimant("Anna Brandt").path == "/claimants/Anna%20Brandt")
        #expect(SiteLink.article("../../etc/passwd?x=1#y").path == "/articles/..%2F..%2Fetc%2Fpasswd%3Fx%3D1%23y")
        #expect(SiteLink.search("a&b=c d").path == "/search?q=a%26b%3Dc%20d")
        #expect(SiteLink(["api", "claims"], query: [("n", "5"), ("claimant", "Anna Brandt")]).path == "/api/claims?n=5&claimant=Anna%20Brandt")
        #expect(SiteLink([]).path == "/" && SiteLink([], query: [("q", "x")]).path == "/?q=x")
        #expect(SiteLink.claimant("javascript:alert(1)").path.hasPrefix("/claimants/javascript%3A"))
        #expect(SiteLink.decode("Ra%C3%BAl%20Medina", plusIsSpace: false) == "Raúl Medina")
        #expect(SiteLink.decode("a+b", plusIsSpace: true) == "a b")
        #expect(SiteLink.decode("bad%2", plusIsSpace: false) == nil)
        #expect(SiteLink.decode("%zz", plusIsSpace: false) == nil)
        for value in ["Anna Brandt", "ø/æ?&=#%+", "\u{0}\u{7F}", "名前"] {
            #expect(SiteLink.decode(Substring(SiteLink.encode(value)), plusIsSpace: true) == value)
        }
    }

    @Test("SVG numbers have at most two decimals, no exponent and no negative zero")
    func svgNumbers() {
        #expect(SVGNumber.text(12) == "12")
        #expect(SVGNumber.text(0.05) == "0.05" && SVGNumber.text(100.5) == "100.5" && SVGNumber.text(-1234567.891) == "-1234567.89")
        #expect(SVGNumber.text(0.004) == "0" && SVGNumber.text(9.999) == "10" && SVGNumber.text(1000) == "1000")
        #expect(SVGNumber.text(12.345) == "12.35")
        #expect(SVGNumber.text(0.1) == "0.1")
        #expect(SVGNumber.text(-0.001) == "0")
        #expect(SVGNumber.text(-3.05) == "-3.05")
        #expect(SVGNumber.text(1e30) == "0")
        #expect(SVGNumber.text(.nan) == "0")
    }
}
