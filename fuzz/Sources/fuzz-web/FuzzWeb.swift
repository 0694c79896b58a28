import EventLog
import FuzzDriver
import Glibc
import WebDrawing

/// What `claimwatch serve` reads from requests (query strings, percent-escaped path
/// segments) and draws from the record (article text with claim spans and figures, figure
/// values for the chart), on any bytes.
@main struct FuzzWeb {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in testOneInput(data, size) })
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)

    // Requests: a query string and a path segment decode without trapping, and what is
    // encoded decodes back to itself.
    for (key, value) in SiteLink.query(text) {
        precondition(SiteLink.decode(Substring(SiteLink.encode(key)), plusIsSpace: true) == key, "a key does not round-trip")
        precondition(SiteLink.decode(Substring(SiteLink.encode(value)), plusIsSpace: true) == value, "a value does not round-trip")
    }
    _ = SiteLink.decode(Substring(text), plusIsSpace: false)
    precondition(SiteLink.encode(text).utf8.allSatisfy { $0 < 0x80 && $0 != UInt8(ascii: "/") }, "an encoded value leaves its segment")

    // Text is escaped: nothing in it can open a tag or end an attribute.
    let escaped = HTML(text: text).bytes
    precondition(!escaped.contains { [0x3C, 0x3E, 0x22, 0x27, 0x00].contains($0) }, "markup characters survive escaping")

    // A claim span and figures taken from the input: the only markup in the highlighted
    // text is the highlighter's own.
    let scalars = text.unicodeScalars.count
    let start = Int(bytes.first ?? 0) % (scalars + 2) - 1, end = Int(bytes.dropFirst().first ?? 0) % (scalars + 2)
    let words = text.split(separator: " ").prefix(3).map(String.init)
    let figures = words.map { ClaimExtracted.Figure(text: $0, low: 1, high: 2, bound: "range", unit: nil, counted: nil) }
    let claim = ClaimExtracted(claim: "c-1", article: "a", text: text, content: nil, span: .init(start: start, end: end),
                               claimant: .init(name: text, canonical: text, kind: "person"), cue: text, stance: "asserts",
                               hedges: [], quote: false, figures: figures)
    // By bytes, as a browser reads tags: "</span>" before a combining mark is still the
    // closing tag, though as Characters the two make one.
    let highlighted = ClaimHighlighter.html(text: text, claims: [claim, claim]).bytes
    let ownTags = ["<span class=\"claim", "</span>", "<mark class=\"figure\"", "</mark>"].map { Array($0.utf8) }
    for (offset, byte) in highlighted.enumerated() where byte == UInt8(ascii: "<") {
        precondition(ownTags.contains { highlighted[offset...].starts(with: $0) }, "markup from the text")
    }

    // The chart from any numbers, days and sources: no NaN or infinity reaches the SVG.
    var figuresOnChart: [ChartFigure] = []
    var index = 0
    while index + 18 <= bytes.count, figuresOnChart.count < 64 {
        let low = bytes[index..<(index + 8)].withUnsafeBytes { $0.loadUnaligned(as: Double.self) }
        let high = bytes[(index + 8)..<(index + 16)].withUnsafeBytes { $0.loadUnaligned(as: Double.self) }
        let shapes: [ChartFigure.Shape] = [.exact(low), .floor(low), .ceiling(high), .interval(low, high),
                                           .approximate(value: low, low: min(low, high), high: max(low, high))]
        let day = Int32(Int8(bitPattern: bytes[index + 16])) * 40
        figuresOnChart.append(ChartFigure(number: figuresOnChart.count + 1, day: day, published: true,
                                          shape: shapes[Int(bytes[index + 17]) % shapes.count],
                                          source: String(bytes[index + 17] % 5), conflicting: bytes[index + 16] & 1 == 1,
                                          value: text))
        index += 18
    }
    if !figuresOnChart.isEmpty {
        let svg = String(decoding: TopicChart(figures: figuresOnChart).svg(title: text).bytes, as: UTF8.self)
        for number in ["nan", "inf"] {
            precondition(!svg.contains("=\"\(number)") && !svg.contains("=\"-\(number)"), "\(number) in the SVG")
        }
    }
    return 0
}
