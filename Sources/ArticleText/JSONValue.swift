/// A parsed JSON value. The module reads scraper records with its own small parser so that
/// nesting depth and size stay bounded on hostile input.
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case let (.bool(a), .bool(b)): a == b
        case let (.number(a), .number(b)): a == b
        case let (.string(a), .string(b)): a == b
        case let (.array(a), .array(b)): a == b
        case let (.object(a), .object(b)): a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// The first member whose key matches one of `keys` (case-insensitive), in key order.
    func member(_ keys: [String]) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        for key in keys {
            if let found = members.first(where: { $0.0.lowercased() == key }) { return found.1 }
        }
        return nil
    }

    /// A string, the strings of an array joined by blank lines, or an object's "name".
    var text: String? {
        switch self {
        case .string(let value): return value
        case .number(let value): return String(value)
        case .array(let values):
            let parts = values.compactMap(\.text).filter { !$0.isEmpty }
            return parts.isEmpty ? nil : parts.joined(separator: "\n\n")
        case .object: return member(["name", "text", "value", "title"])?.text
        default: return nil
        }
    }
}
