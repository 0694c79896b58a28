import SeededRandom
import Testing
@testable import Fingerprint

/// The content id must not depend on the processor: the compression function on the x86 SHA
/// extensions and the portable Swift one give the same digests, byte for byte. Where the
/// processor lacks the extensions `.hardware` falls back, and these tests compare the
/// portable path with itself.
@Suite struct SHA256HardwareTests {
    @Test("both compression functions match the FIPS 180-4 vectors", arguments: SHA256Tests.fipsVectors)
    func vectors(message: String, digest: String) {
        #expect(SHA256Tests.hex(SHA256.hash(Array(message.utf8), using: .portable)) == digest)
        #expect(SHA256Tests.hex(SHA256.hash(Array(message.utf8), using: .hardware)) == digest)
    }

    @Test("both compression functions hash a million 'a's alike")
    func millionA() {
        let chunk = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        for implementation in [SHA256.Implementation.portable, .hardware] {
            var hasher = SHA256(implementation: implementation)
            for _ in 0..<1000 { hasher.update(chunk) }
            #expect(SHA256Tests.hex(hasher.finalize()) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
        }
    }

    @Test("the two agree on 3,000 random messages of 0 to 10,000 bytes")
    func randomLengths() {
        var random = SplitMix64(seed: 0x5348_4132_3536)
        var buffer = [UInt8](repeating: 0, count: 10_000)
        for index in buffer.indices { buffer[index] = random.nextByte() }
        var lengths = Array(0...130)  // every padding case of one and two final blocks
        while lengths.count < 3_000 { lengths.append(Int(random.next() % 10_001)) }
        for length in lengths {
            // Starting at an odd offset also checks unaligned loads.
            let start = length % 3
            let message = buffer[start..<min(buffer.count, start + length)]
            #expect(SHA256.hash(message, using: .hardware) == SHA256.hash(message, using: .portable), "length \(message.count)")
        }
    }

    @Test("the default path is the hardware one where the processor offers it")
    func defaultPath() {
        let message = Array("claimwatch".utf8)
        #expect(SHA256.hash(message) == SHA256.hash(message, using: SHA256.Implementation.best))
        #expect(SHA256.hash(message) == SHA256.hash(message, using: .portable))
    }
}
