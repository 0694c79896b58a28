import Logging

/// How one log message becomes one line of text.
///
/// For the journal: `<6>label: message key=value`, where `<6>` is the syslog priority that
/// journald strips and stores, and no timestamp, since the journal stamps each entry itself.
/// Elsewhere: `2026-03-01T12:00:00.250Z info label: message key=value`.
///
/// Control characters are escaped, so a message is always exactly one line: messages carry
/// names from the drop folder, which anyone in the drop group chooses, and a name holding a
/// newline followed by `<0>` would otherwise forge an emergency entry in the journal.
enum JournalLine {
    static func format(
        level: Logger.Level,
        label: String,
        message: String,
        metadata: Logger.Metadata,
        journal: Bool,
        timestamp: @autoclosure () -> String
    ) -> String {
        let prefix = journal ? "<\(priority(level))>" : "\(timestamp()) \(level) "
        return prefix + escaped(label) + ": " + escaped(message) + rendered(metadata) + "\n"
    }

    /// syslog priorities (`<sys/syslog.h>`) for swift-log's levels.
    static func priority(_ level: Logger.Level) -> Int {
        switch level {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }

    /// ` key=value` pairs sorted by key, so the line splits back into the same pairs.
    static func rendered(_ metadata: Logger.Metadata) -> String {
        var text = ""
        for key in metadata.keys.sorted() {
            guard let value = metadata[key] else { continue }
            text += " " + quoted(key) + "=" + quoted(value.description)
        }
        return text
    }

    /// The text as is when it is a plain word; otherwise in double quotes, with `"` and `\`
    /// escaped by a backslash and control characters escaped as in ``escaped(_:)``.
    static func quoted(_ text: String) -> String {
        let plain = !text.isEmpty && !text.unicodeScalars.contains {
            $0 == " " || $0 == "\t" || $0 == "\"" || $0 == "=" || $0 == "\\" || needsEscape($0)
        }
        if plain { return text }
        var inner = ""
        for scalar in text.unicodeScalars {
            if scalar == "\"" || scalar == "\\" { inner += "\\" }
            append(scalar, to: &inner)
        }
        return "\"" + inner + "\""
    }

    /// `\n`, `\r` and other control characters (C0, DEL, C1) written as escapes; tabs stay.
    static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars { append(scalar, to: &result) }
        return result
    }

    private static func append(_ scalar: Unicode.Scalar, to text: inout String) {
        switch scalar {
        case "\n": text += "\\n"
        case "\r": text += "\\r"
        case _ where needsEscape(scalar): text += "\\u{\(String(scalar.value, radix: 16))}"
        default: text.unicodeScalars.append(scalar)
        }
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar != "\t" && (scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value))
    }
}
