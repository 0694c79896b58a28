import Ingest
import Logging

/// Parsing of the values a configuration file, the environment and flags share.
enum ConfigValue {
    static func bool(_ text: String, key: String) throws(DaemonError) -> Bool {
        switch text.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw .configuration("\(key): '\(text)' is not a yes/no value")
        }
    }

    /// One of swift-log's levels, by name; anything else is refused with the names listed.
    static func logLevel(_ text: String, key: String) throws(DaemonError) -> Logger.Level {
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw .configuration("\(key): unknown level '\(text)' (use one of \(names))")
        }
        return level
    }

    static func count(_ text: String, key: String) throws(DaemonError) -> Int {
        guard let value = Int(text), value >= 0 else { throw .configuration("\(key): '\(text)' is not a whole number") }
        return value
    }

    static func path(_ text: String, key: String) throws(DaemonError) -> String {
        guard !text.isEmpty, !text.contains("\0") else { throw .configuration("\(key): empty path") }
        return text
    }

    /// `"20 MiB"` → (20, "mib"): the leading digits and the unit after them, lowercased.
    private static func numberAndUnit(_ text: String) -> (digits: Substring, unit: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isNumber }
        return (digits, trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased())
    }

    /// A size, read as `claimwatch ingest --max-file-size` reads one (`ByteSize`).
    static func size(_ text: String, key: String) throws(DaemonError) -> Int {
        do {
            return try ByteSize.parse(text)
        } catch {
            if case let .configuration(message) = error { throw .configuration("\(key): \(message)") }
            throw .configuration("\(key): \(error)")
        }
    }

    /// `500ms`, `2s`, `5m`, `1h`, or a plain number of seconds.
    static func duration(_ text: String, key: String) throws(DaemonError) -> Duration {
        let (digits, unit) = numberAndUnit(text)
        guard let number = Int64(digits) else { throw .configuration("\(key): '\(text)' is not a duration") }
        switch unit {
        case "ms": return .milliseconds(number)
        case "", "s": return .seconds(number)
        case "m", "min": return .seconds(number * 60)
        case "h": return .seconds(number * 3600)
        default: throw .configuration("\(key): unknown duration unit '\(unit)' (use ms, s, m or h)")
        }
    }

    static func format(_ duration: Duration) -> String {
        let milliseconds = duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000
        if milliseconds % 1000 != 0 { return "\(milliseconds)ms" }
        let seconds = milliseconds / 1000
        if seconds % 3600 == 0, seconds > 0 { return "\(seconds / 3600)h" }
        if seconds % 60 == 0, seconds > 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }
}

import Foundation
