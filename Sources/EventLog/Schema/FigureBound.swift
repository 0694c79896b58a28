/// How a figure's `low` and `high` bound its quantity, as the log writes it (`"bound"`).
///
/// Open, not closed: a log written by a newer build may carry a bound this one does not
/// know. That bound reads as `unknown` with its text kept, so it passes through the store and
/// the output as written; every `switch` still has to say what an unknown bound means to it.
public enum FigureBound: Sendable, Hashable {
    case exact, atLeast, atMost, approximately, range
    case unknown(String)

    /// The bounds this build writes.
    public static let known: [FigureBound] = [.exact, .atLeast, .atMost, .approximately, .range]
}

extension FigureBound: RawRepresentable {
    public init(rawValue: String) {
        self = switch rawValue {
        case "exact": .exact
        case "atLeast": .atLeast
        case "atMost": .atMost
        case "approximately": .approximately
        case "range": .range
        default: .unknown(rawValue)
        }
    }

    public var rawValue: String {
        switch self {
        case .exact: "exact"
        case .atLeast: "atLeast"
        case .atMost: "atMost"
        case .approximately: "approximately"
        case .range: "range"
        case .unknown(let text): text
        }
    }
}

/// A bound is written as the log writes it, so a table of fixtures can say `"atLeast"`.
extension FigureBound: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self.init(rawValue: value) }
}

extension FigureBound: Codable {
    public init(from decoder: any Decoder) throws {
        self.init(rawValue: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

extension FigureBound: CustomStringConvertible {
    public var description: String { rawValue }
}
