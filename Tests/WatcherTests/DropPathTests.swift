import Testing
import Watcher

@Suite("DropPath")
struct DropPathTests {
    @Test("A path with a NUL byte or no bytes at all is refused")
    func refusesNul() {
        #expect(DropPath(bytes: []) == nil)
        #expect(DropPath(bytes: Array("a\u{0}b".utf8)) == nil)
        #expect(DropPath(bytes: Array("a/b".utf8)) != nil)
    }

    @Test("The C path holds exactly the bytes, NUL-terminated")
    func cString() throws {
        let bytes: [UInt8] = [0x61, 0xFF, 0x0A, 0x62]
        let path = try #require(DropPath(bytes: bytes))
        let copied = path.withCString { pointer in
            (0..<5).map { UInt8(bitPattern: pointer[$0]) }
        }
        #expect(copied == bytes + [0])
    }

    @Test("The description keeps valid UTF-8 and escapes control characters and invalid bytes")
    func description() throws {
        let path = try #require(DropPath(bytes: Array("über/".utf8) + [0xC3] + Array("\n\t\\x".utf8) + [0x7F, 0xF0, 0x9F, 0x98, 0x80]))
        #expect(path.description == "über/\\xC3\\n\\t\\\\x\\x7F😀")
        #expect(path.string == nil)
        #expect(DropPath(bytes: Array("plain.json".utf8))?.string == "plain.json")
    }
}
