import Foundation

/// The syntax of a configuration file: one `key = value` per line, `#` starting a comment
/// outside quotes, blank lines skipped. A value in double or single quotes means the text
/// between them (`inbox = "/srv/drop #2"`); in double quotes `\"` and `\\` stand for a
/// quote and a backslash, single quotes take everything literally.
public enum ConfigFileSyntax {
    /// The settings in order, with their line numbers; a failure's detail starts with
    /// the line number (`3: …`).
    public static func settings(in text: String) throws(DaemonError) -> [(line: Int, key: String, value: String)] {
        var settings: [(Int, String, String)] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            guard let equals = line.firstIndex(of: "=") else {
                let rest = strip(comment: line).trimmingCharacters(in: .whitespaces)
                if rest.isEmpty { continue }
                throw .configuration("\(number): expected 'key = value', found '\(rest)'")
            }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces)
            if key.hasPrefix("#") { continue }
            guard !key.isEmpty, !key.contains("#"), !key.contains(where: \.isWhitespace) else {
                throw .configuration("\(number): expected 'key = value', found '\(line.trimmingCharacters(in: .whitespaces))'")
            }
            do throws(DaemonError) {
                settings.append((number, key, try value(line[line.index(after: equals)...])))
            } catch {
                throw .configuration("\(number): \(key): \(error.detail)")
            }
        }
        return settings
    }

    /// The text before a `#` comment.
    private static func strip(comment text: Substring) -> Substring {
        text.firstIndex(of: "#").map { text[..<$0] } ?? text
    }

    /// A value: quoted, or bare up to a comment, trimmed.
    private static func value(_ text: Substring) throws(DaemonError) -> String {
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        guard let quote = trimmed.first, quote == "\"" || quote == "'" else {
            return strip(comment: trimmed).trimmingCharacters(in: .whitespaces)
        }
        var value = ""
        var index = trimmed.index(after: trimmed.startIndex)
        var closed = false
        while index < trimmed.endIndex {
            let character = trimmed[index]
            index = trimmed.index(after: index)
            if character == quote {
                closed = true
                break
            }
            if quote == "\"", character == "\\", index < trimmed.endIndex, trimmed[index] == "\"" || trimmed[index] == "\\" {
                value.append(trimmed[index])
                index = trimmed.index(after: index)
                continue
            }
            value.append(character)
        }
        guard closed else { throw .configuration("the quote \(quote) is not closed") }
        let after = strip(comment: trimmed[index...]).trimmingCharacters(in: .whitespaces)
        guard after.isEmpty else { throw .configuration("'\(after)' after the quoted value") }
        return value
    }
}
