/// Why an input could not be turned into an article. One error type for the module, so
/// callers (the intake stage) can log a reason and quarantine the file.
public enum ArticleTextError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The bytes are not text: NUL bytes, too many control bytes, or an undecodable encoding.
    case notText(reason: String)
    /// The input exceeds a configured bound (size, nesting depth, element count).
    case tooLarge(reason: String)
    /// The input is in a known format but cannot be read as that format.
    case malformed(format: ArticleFormat, reason: String)
    /// Nothing that looks like article text remained after extraction.
    case noText

    public var description: String {
        switch self {
        case .notText(let reason): "not a text file: \(reason)"
        case .tooLarge(let reason): "input too large: \(reason)"
        case .malformed(let format, let reason): "malformed \(format.rawValue) input: \(reason)"
        case .noText: "no article text found"
        }
    }
}
