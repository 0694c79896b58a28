import Foundation
import Testing
@testable import Fingerprint

@Suite struct SerializationTests {
    @Test("a fingerprint survives the round trip through bytes")
    func roundTrip() throws {
        let parameters = FingerprintParameters()
        let fingerprint = try Fingerprinter(parameters: parameters).fingerprint(text: StoryFixtures.plainText)
        let bytes = fingerprint.serialized(parameters: parameters)
        #expect(bytes.count < 300)
        #expect(try ArticleFingerprint(serialized: bytes, parameters: parameters) == fingerprint)
    }

    @Test("bytes made with other parameters are refused")
    func parameterMismatch() throws {
        let fingerprint = try Fingerprinter().fingerprint(text: StoryFixtures.plainText)
        let bytes = fingerprint.serialized(parameters: FingerprintParameters())
        var other = FingerprintParameters()
        other.shingleSize = 4
        #expect(throws: FingerprintError.self) { try ArticleFingerprint(serialized: bytes, parameters: other) }
    }

    @Test("truncated or foreign bytes are refused, not trapped on", arguments: [0, 3, 10, 100])
    func truncated(length: Int) throws {
        let parameters = FingerprintParameters()
        let bytes = try Fingerprinter().fingerprint(text: StoryFixtures.plainText).serialized(parameters: parameters)
        #expect(throws: FingerprintError.self) {
            try ArticleFingerprint(serialized: Array(bytes.prefix(length)), parameters: parameters)
        }
    }

    @Test("parameters are Codable and Equatable, so a change can trigger a rebuild")
    func parametersCodable() throws {
        var changed = FingerprintParameters()
        changed.nearThreshold = 0.85
        #expect(changed != FingerprintParameters())
        let decoded = try JSONDecoder().decode(FingerprintParameters.self, from: JSONEncoder().encode(changed))
        #expect(decoded == changed)
        #expect(throws: FingerprintError.self) {
            var broken = FingerprintParameters()
            broken.permutations = 100
            _ = try broken.validated()
        }
    }
}
