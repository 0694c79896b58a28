/// Why a fingerprint could not be made, read or indexed.
public enum FingerprintError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidParameters(String)
    /// Serialized bytes that are not a fingerprint, or one made with other parameters.
    case corrupt(String)
    case parameterMismatch(expected: FingerprintParameters, found: String)
    /// The index holds as many articles as its 32-bit ordinals can number.
    case indexFull

    public var description: String {
        switch self {
        case .invalidParameters(let reason): "invalid fingerprint parameters: \(reason)"
        case .corrupt(let reason): "corrupt fingerprint: \(reason)"
        case .parameterMismatch(let expected, let found):
            "fingerprint made with other parameters (\(found)); the index uses \(expected)"
        case .indexFull: "the near-copy index is full"
        }
    }
}
