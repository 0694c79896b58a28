import Testing
@testable import Fingerprint

/// The one-shot path compresses whole blocks in place and pads on the stack; these pin it
/// at every padding boundary, against digests from Python's hashlib.
@Suite struct SHA256PaddingTests {
    static func message(_ length: Int) -> [UInt8] {
        (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ 3) }
    }

    @Test("matches hashlib at the padding boundaries", arguments: [
        (55, "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b"),
        (56, "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27"),
        (63, "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055"),
        (64, "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241"),
        (65, "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e"),
        (119, "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e"),
        (120, "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5"),
        (128, "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6"),
        (1000, "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371"),
    ])
    func boundaries(length: Int, digest: String) {
        #expect(SHA256Tests.hex(SHA256.hash(Self.message(length))) == digest)
    }

    @Test("the one-shot and incremental paths agree for every length up to 300")
    func oneShotMatchesIncremental() {
        for length in 0...300 {
            let message = Self.message(length)
            var hasher = SHA256()
            for chunk in stride(from: 0, to: length, by: 37) { hasher.update(message[chunk..<min(chunk + 37, length)]) }
            #expect(hasher.finalize() == SHA256.hash(message), "length \(length)")
        }
    }

    @Test("a string's UTF-8 view hashes like its bytes")
    func utf8View() {
        let text = String(repeating: "Dock workers’ strike — día 3. ", count: 20)
        #expect(SHA256.hash(text.utf8) == SHA256.hash(Array(text.utf8)))
    }
}
