#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Pages in the legacy encodings of their language (GBK and Big5 for Chinese, Shift_JIS
/// and EUC-JP for Japanese, EUC-KR, Windows-1250/1251, KOI8-R, the ISO-8859 family): the
/// charset a page declares is read from its first bytes, and the page is converted to
/// UTF-8 with glibc's iconv. Only bytes that are not UTF-8 get here, so a page that
/// declares one thing and is written in UTF-8 stays UTF-8.
enum LegacyCharset {
    /// How far into the file a declaration is looked for: a saved page may carry a long
    /// head (an archive's toolbar) before its own `<meta charset>`.
    static let searchedBytes = 16 << 10

    /// The first charset the file declares that is not UTF-8 (`<meta charset>`,
    /// `content="text/html; charset=…"`, `<?xml … encoding="…"?>`), lowercased.
    static func declared(in bytes: ArraySlice<UInt8>) -> String? {
        let head = Array(bytes.prefix(searchedBytes)).map(UTF8Bytes.lowerASCII)
        for marker in [Array("charset".utf8), Array("encoding".utf8)] {
            var start = 0
            while let found = firstIndex(of: marker, in: head, from: start) {
                start = found + marker.count
                guard let label = label(in: head, after: start) else { continue }
                if label != "utf-8", label != "utf8" { return label }
            }
        }
        return nil
    }

    /// `= "label"` (quotes and spaces optional) after a marker.
    private static func label(in head: [UInt8], after start: Int) -> String? {
        var index = start
        while index < head.count, head[index] == 0x20 { index += 1 }
        guard index < head.count, head[index] == UInt8(ascii: "=") else { return nil }
        index += 1
        while index < head.count, head[index] == 0x20 || head[index] == 0x22 || head[index] == 0x27 { index += 1 }
        let labelStart = index
        while index < head.count, index - labelStart < 40, UTF8Bytes.isASCIILetter(head[index])
            || UTF8Bytes.isASCIIDigit(head[index]) || head[index] == UInt8(ascii: "-") || head[index] == UInt8(ascii: "_")
            || head[index] == UInt8(ascii: ".") || head[index] == UInt8(ascii: ":") {
            index += 1
        }
        guard index - labelStart >= 2 else { return nil }
        return String(decoding: head[labelStart..<index], as: UTF8.self)
    }

    private static func firstIndex(of needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        var index = start
        while index + needle.count <= haystack.count {
            if haystack[index] == needle[0], haystack[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }

    /// Whether a label names Windows-1252 or one of the encodings the HTML standard reads
    /// as it (Latin-1, ASCII), which `Windows1252` decodes without iconv.
    static func isWindows1252(_ label: String) -> Bool {
        ["windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "l1", "us-ascii",
         "ascii", "iso-ir-100", "ibm819", "cp819", "iso88591"].contains(label)
    }

    /// iconv's name for a label: the superset browsers use where one exists (GB18030 for
    /// GB2312 and GBK, Windows-949 for EUC-KR, Windows-31J for Shift_JIS).
    static func iconvName(_ label: String) -> String {
        switch label {
        case "gb2312", "gbk", "x-gbk", "chinese", "csgb2312", "gb_2312-80", "iso-ir-58", "gb18030": "GB18030"
        case "euc-kr", "ks_c_5601-1987", "ks_c_5601-1989", "ksc5601", "ksc_5601", "windows-949", "cseuckr": "CP949"
        case "shift_jis", "shift-jis", "sjis", "x-sjis", "ms_kanji", "windows-31j", "csshiftjis", "ms932": "CP932"
        case "big5", "big5-hkscs", "x-x-big5", "cn-big5", "csbig5": "BIG5-HKSCS"
        default: label.uppercased()
        }
    }

    /// The bytes converted from `label` to UTF-8; nil when iconv does not know the label or
    /// more than one byte in a hundred does not convert (the declaration is wrong).
    static func decode(_ bytes: ArraySlice<UInt8>, from label: String) -> String? {
        let converter = iconv_open("UTF-8", iconvName(label))
        guard let converter, Int(bitPattern: converter) != -1 else { return nil }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        var written = 0
        var failures = 0
        var input = Array(bytes)
        let inputCount = input.count
        input.withUnsafeMutableBufferPointer { source in
            guard let base = source.baseAddress else { return }
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(base).assumingMemoryBound(to: CChar.self)
            var inLeft = inputCount
            while inLeft > 0 {
                if output.count - written < 16 { output += [UInt8](repeating: 0, count: output.count) }
                var outLeft = output.count - written
                let result = output.withUnsafeMutableBufferPointer { target -> Int in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(target.baseAddress! + written)
                        .assumingMemoryBound(to: CChar.self)
                    return iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                }
                written = output.count - outLeft
                guard result == -1 else { continue }
                switch errno {
                case E2BIG:
                    output += [UInt8](repeating: 0, count: output.count)
                case EILSEQ, EINVAL:
                    // A byte that does not convert becomes U+FFFD and is stepped over.
                    failures += 1
                    inPointer = inPointer.map { $0 + 1 }
                    inLeft -= 1
                    if output.count - written < 3 { output += [UInt8](repeating: 0, count: output.count) }
                    output[written] = 0xEF
                    output[written + 1] = 0xBF
                    output[written + 2] = 0xBD
                    written += 3
                default:
                    inLeft = 0
                }
            }
        }
        guard failures * 100 <= max(1, bytes.count) else { return nil }
        return String(decoding: output[..<written], as: UTF8.self)
    }
}
