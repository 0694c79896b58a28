import Foundation

/// A one-line, human-readable view of a record for terminals: time, seq, type, then the
/// fields a reader looks for first. Unknown types show their raw fields.
public enum EventSummary {
    /// The envelope (shown up front) and fields for machines, not eyes (`--json` has them).
    private static let hiddenKeys: Set<String> = ["seq", "time", "type", "v", "crc", "content", "file", "span"]
    /// Fields shown first, in this order, when a record has them.
    private static let leadingKeys = ["article", "path", "of", "kind", "similarity", "title", "reason", "claimant", "text", "message"]

    public static func line(for record: LogRecord) -> String {
        let head = "\(record.time)  #\(record.seq)  \(record.type)"
        guard case let .object(object)? = try? JSONDecoder().decode(JSONValue.self, from: Data(record.line)) else {
            return head
        }
        if record.type == FigureCompared.eventType, let line = comparison(object) { return head + "  " + line }
        var parts: [String] = []
        var shown: Set<String> = hiddenKeys
        for key in leadingKeys {
            if let value = object[key] {
                parts.append("\(key)=\(render(value))")
                shown.insert(key)
            }
        }
        for key in object.keys.sorted() where !shown.contains(key) {
            if let value = object[key] { parts.append("\(key)=\(render(value))") }
        }
        return parts.isEmpty ? head : head + "  " + parts.joined(separator: " ")
    }

    /// A comparison reads as a sentence, and a conflict leads with a mark that stands out:
    /// `✗ CONFLICT "at least 31" (people) conflicts with 2: a1-3#0, b2-1#0; agrees with 1`.
    private static func comparison(_ object: [String: JSONValue]) -> String? {
        guard let text = object["text"]?.string, let label = object["label"]?.string,
              case let .array(conflicts)? = object["conflicts"], case let .array(agrees)? = object["agrees"] else { return nil }
        func refs(_ list: [JSONValue]) -> String {
            (list.count > 5 ? "…, " : "") + list.suffix(5).compactMap { item -> String? in
                guard case let .object(ref) = item, let claim = ref["claim"]?.string, case let .number(index)? = ref["index"]
                else { return nil }
                return "\(claim)#\(Int(index))"
            }.joined(separator: ", ")
        }
        func total(_ key: String, _ list: [JSONValue]) -> Int {
            if case let .number(number)? = object[key] { return Int(number) }
            return list.count
        }
        let conflicting = total("conflicting", conflicts), agreeing = total("agreeing", agrees)
        let claim = object["claim"]?.string ?? "?"
        let topic = object["topic"]?.string.map { " topic=\($0.prefix(8))" } ?? ""
        var line = conflicts.isEmpty ? "✓ agrees" : "✗ CONFLICT"
        line += " \(quoted(text, always: true)) (\(label))\(topic) claim=\(claim)"
        if !conflicts.isEmpty { line += " conflicts with \(conflicting): \(refs(conflicts))" }
        line += conflicts.isEmpty ? " with \(agreeing): \(refs(agrees))" : "; agrees with \(agreeing)"
        return line
    }

    /// A value as logfmt writes it: bare when it can be, else in quotes with quotes,
    /// backslashes and control characters escaped, so `key="…"` always reads back whole.
    static func quoted(_ text: String, always: Bool = false) -> String {
        let needsQuotes = always || text.isEmpty || text.unicodeScalars.contains { scalar in
            scalar == " " || scalar == "\"" || scalar == "=" || scalar == "\\" || scalar.value < 0x20 || scalar.value == 0x7F
        }
        guard needsQuotes else { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\n": quoted += "\\n"
            case "\r": quoted += "\\r"
            case "\t": quoted += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    quoted += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                        + String(scalar.value, radix: 16)
                } else {
                    quoted.unicodeScalars.append(scalar)
                }
            }
        }
        return quoted + "\""
    }

    private static func render(_ value: JSONValue) -> String {
        switch value {
        case let .string(string):
            let flat = string.replacingOccurrences(of: "\n", with: " ")
            return quoted(flat.count > 120 ? String(flat.prefix(117)) + "…" : flat)
        case let .object(object):
            if let name = object["name"]?.string { return render(.string(name)) }
            return "{" + object.keys.sorted().map { "\($0):\(render(object[$0] ?? .null))" }.joined(separator: ",") + "}"
        case let .array(array):
            return "[" + array.map(render).joined(separator: ",") + "]"
        case let .number(number):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case let .bool(bool):
            return bool ? "true" : "false"
        case .null:
            return "null"
        }
    }
}
