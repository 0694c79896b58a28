import Testing
@testable import EventLog

/// The one hexadecimal digit reader and percent-decoder the log's checksums, database
/// addresses and site links share.
@Suite struct PercentDecodingTests {
    @Test("a hexadecimal digit reads in either case, and no other byte does")
    func digits() {
        for byte in UInt8.min...UInt8.max {
            let expected: UInt8? = switch byte {
            case 0x30...0x39: byte - 0x30
            case 0x41...0x46: byte - 0x41 + 10
            case 0x61...0x66: byte - 0x61 + 10
            default: nil
            }
            #expect(byte.hexDigitValue == expected)
        }
    }

    @Test("escapes decode to their bytes, '+' is a space only when asked, and a cut or foreign escape is refused")
    func escapes() {
        #expect(PercentDecoding.bytes("a%20b%2fc%2F") == Array("a b/c/".utf8))
        #expect(PercentDecoding.bytes("%C3%BA") == [0xC3, 0xBA])
        #expect(PercentDecoding.bytes("%00%ff") == [0, 0xFF])
        #expect(PercentDecoding.bytes("a+b") == Array("a+b".utf8))
        #expect(PercentDecoding.bytes("a+b", plusIsSpace: true) == Array("a b".utf8))
        #expect(PercentDecoding.bytes("") == [])
        for broken in ["%", "%2", "a%g0", "%0g", "x%"] {
            #expect(PercentDecoding.bytes(Substring(broken)) == nil)
        }
    }
}
