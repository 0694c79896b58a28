import Testing
@testable import ArticleText

@Suite struct DecodingTests {
    static let sample = "Kestrel Bay: “strike” — 4 € café"

    static func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let high = UInt8(unit >> 8), low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    @Test("decodes each supported encoding", arguments: [
        (Array(sample.utf8), SourceEncoding.utf8),
        ([0xEF, 0xBB, 0xBF] + Array(sample.utf8), SourceEncoding.utf8WithBOM),
        (utf16(sample, bigEndian: false), SourceEncoding.utf16LittleEndian),
        (utf16(sample, bigEndian: true), SourceEncoding.utf16BigEndian),
    ])
    func encodings(bytes: [UInt8], encoding: SourceEncoding) throws {
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.text == Self.sample)
        #expect(decoded.encoding == encoding)
    }

    @Test("falls back to Windows-1252 when the bytes are not UTF-8")
    func windows1252() throws {
        // “caf\xE9” with curly quotes 0x93/0x94 and a euro sign 0x80
        let bytes: [UInt8] = [0x93, 0x63, 0x61, 0x66, 0xE9, 0x94, 0x20, 0x80, 0x35]
        let decoded = try TextDecoder.decode(bytes)
        #expect(decoded.text == "“café” €5")
        #expect(decoded.encoding == .windows1252)
    }

    @Test("rejects binary content with a reason", arguments: [
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00],
        Array(repeating: UInt8(0x01), count: 100) + Array("text".utf8),
    ])
    func binary(bytes: [UInt8]) {
        #expect(throws: ArticleTextError.self) { try TextDecoder.decode(bytes) }
        do {
            _ = try TextDecoder.decode(bytes)
        } catch {
            #expect(error.description.hasPrefix("not a text file"))
        }
    }

    @Test("refuses input over the size limit")
    func tooLarge() {
        #expect(throws: ArticleTextError.tooLarge(reason: "11 bytes exceeds the limit of 10")) {
            try TextDecoder.decode(Array("hello world".utf8), maximumBytes: 10)
        }
    }

    @Test("the format comes from the extension, else from the content", arguments: [
        ("story.txt", "<p>hi</p>", ArticleFormat.plainText),
        ("story.HTM", "hello", ArticleFormat.html),
        ("story.md", "# hi", ArticleFormat.markdown),
        ("story.jsonl", "{}", ArticleFormat.jsonLines),
        ("story", "  <!doctype html><p>x</p>", ArticleFormat.html),
        ("story", "{\"text\": \"x\"}", ArticleFormat.json),
        ("story", "{\"text\": \"x\"}\n{\"text\": \"y\"}\n", ArticleFormat.jsonLines),
        ("story", "Plain words.", ArticleFormat.plainText),
    ])
    func formats(name: String, content: String, format: ArticleFormat) {
        #expect((ArticleFormat.fromFileName(name) ?? ArticleFormat.sniff(content)) == format)
    }
}
