import Testing
@testable import Fingerprint

@Suite struct SHA256Tests {
    /// The FIPS 180-4 example messages and their digests.
    static let fipsVectors = [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ]

    static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
    }

    @Test("matches the FIPS 180-4 example vectors", arguments: fipsVectors)
    func vectors(message: String, digest: String) {
        #expect(Self.hex(SHA256.hash(Array(message.utf8))) == digest)
    }

    @Test("hashes a million 'a's")
    func millionA() {
        var hasher = SHA256()
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for _ in 0..<1000 { hasher.update(chunk) }
        #expect(Self.hex(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test("gives the same digest however the input is split", arguments: [1, 7, 63, 64, 65, 200])
    func incremental(chunkSize: Int) {
        let message = Array(String(repeating: "claimwatch ", count: 40).utf8)
        var hasher = SHA256()
        var offset = 0
        while offset < message.count {
            hasher.update(message[offset..<min(offset + chunkSize, message.count)])
            offset += chunkSize
        }
        #expect(hasher.finalize() == SHA256.hash(message))
    }
}
