/// Comma-separated values as RFC 4180 has them: records end in CRLF, and a field holding
/// a comma, a double quote, CR or LF is put in double quotes, with its quotes doubled.
/// Every export has a header row and the same number of fields in every record.
package struct CSV {
    package private(set) var text = ""
    private let columns: Int

    package init(header: [String]) {
        columns = header.count
        append(header)
    }

    /// One record; nil fields are empty. A record of another length is a bug in the caller.
    package mutating func append(_ fields: [String?]) {
        precondition(fields.count == columns, "a CSV record has \(columns) fields")
        for (index, field) in fields.enumerated() {
            if index > 0 { text += "," }
            if let field { text += Self.escaped(field) }
        }
        text += "\r\n"
    }

    package static func escaped(_ field: String) -> String {
        guard field.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }) else { return field }
        var quoted = "\""
        for character in field {
            if character == "\"" { quoted += "\"" }
            quoted.append(character)
        }
        return quoted + "\""
    }
}
