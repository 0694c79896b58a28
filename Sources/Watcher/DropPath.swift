/// A path exactly as the kernel spells it. Linux file names are bytes: they may hold invalid
/// UTF-8 or a newline, so the bytes are the truth (open the file with ``withCString(_:)``) and
/// ``description`` is only a readable, escaped rendering for logs.
public struct DropPath: Sendable, Hashable, CustomStringConvertible {
    /// The path's bytes, without a terminating NUL.
    public let bytes: [UInt8]

    /// Fails on an empty path or one holding a NUL byte: no Linux path contains one, and it
    /// would silently cut the C string short and open a different file.
    public init?(bytes: [UInt8]) {
        guard !bytes.isEmpty, !bytes.contains(0) else { return nil }
        self.bytes = bytes
    }

    /// For bytes that came from the kernel (`readdir`, inotify), which never hold a NUL.
    init(kernelBytes: [UInt8]) {
        self.bytes = kernelBytes
    }

    /// The path as a NUL-terminated C string, for `open(2)` and friends.
    public func withCString<Result>(_ body: (UnsafePointer<CChar>) throws -> Result) rethrows -> Result {
        let cString = bytes.map { CChar(bitPattern: $0) } + [0]
        return try body(cString)
    }

    /// The path as a `String` when it is valid UTF-8, `nil` otherwise.
    public var string: String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// A one-line rendering safe for logs: valid UTF-8 is kept, control characters and
    /// invalid bytes are escaped (`\n`, `\xFF`), so a hostile name cannot forge log lines.
    public var description: String {
        var text = ""
        var index = 0
        while index < bytes.count {
            let length = Self.sequenceLength(lead: bytes[index])
            let end = index + length
            if length > 0, end <= bytes.count,
               let scalarText = String(validating: bytes[index..<end], as: UTF8.self) {
                text += Self.escapingControls(scalarText)
                index = end
            } else {
                text += Self.hexEscape(bytes[index])
                index += 1
            }
        }
        return text
    }

    /// `directory/name`, where an empty `directory` stands for the drop folder itself.
    static func join(_ directory: [UInt8], _ name: [UInt8]) -> [UInt8] {
        directory.isEmpty ? name : directory + [UInt8(ascii: "/")] + name
    }

    private static func sequenceLength(lead: UInt8) -> Int {
        switch lead {
        case 0x00...0x7F: 1
        case 0xC2...0xDF: 2
        case 0xE0...0xEF: 3
        case 0xF0...0xF4: 4
        default: 0
        }
    }

    private static func escapingControls(_ text: String) -> String {
        guard let scalar = text.unicodeScalars.first, text.unicodeScalars.count == 1 else { return text }
        switch scalar {
        case "\n": return "\\n"
        case "\t": return "\\t"
        case "\r": return "\\r"
        case "\\": return "\\\\"
        default:
            return scalar.value < 0x20 || scalar.value == 0x7F ? hexEscape(UInt8(scalar.value)) : text
        }
    }

    private static func hexEscape(_ byte: UInt8) -> String {
        let digits = Array("0123456789ABCDEF")
        return "\\x\(digits[Int(byte >> 4)])\(digits[Int(byte & 0x0F)])"
    }
}
