import Foundation

/// A fresh folder under the system's temporary directory, named after the test that made it
/// and removed when the last reference goes. Set `CLAIMWATCH_KEEP_TEST_FOLDERS=1` to keep every
/// one for a look after the run (each one's path is printed to standard error as it is made).
public final class TemporaryDirectory: Sendable {
    public let path: String

    /// `label` defaults to the calling function's name, so a kept folder says which test made it.
    public init(_ label: String = #function) {
        // Short prefix and label: a socket path inside must fit the 108 bytes of sun_path.
        let prefix = NSTemporaryDirectory().trimmingTrailingSlashes() + "/cw-" + Self.fileNameSafe(label) + "-"
        var template = Array((prefix + "XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { $0.baseAddress.flatMap(mkdtemp) }
        if let made {
            path = String(cString: made)
        } else {
            // mkdtemp failing (a full /tmp) shows as the test's own error at its first write.
            path = prefix + UUID().uuidString
            try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        }
        if Self.keep { FileHandle.standardError.write(Data("keeping test folder \(path)\n".utf8)) }
    }

    deinit { remove() }

    /// Removes the folder now (unless asked to keep it), for a test that must say when it is
    /// done with it; the folder lives at least until this call.
    public func remove() {
        guard !Self.keep else { return }
        try? FileManager.default.removeItem(atPath: path)
    }

    /// A path inside the folder.
    public func file(_ name: String) -> String { path + "/" + name }

    private static let keep = ProcessInfo.processInfo.environment["CLAIMWATCH_KEEP_TEST_FOLDERS"].map { !$0.isEmpty && $0 != "0" } ?? false

    /// Letters, digits, '-' and '_' only (a test's `#function` carries parentheses and colons),
    /// at most 24 of them.
    private static func fileNameSafe(_ label: String) -> String {
        let kept = label.unicodeScalars.prefix { $0 != "(" }.map { scalar -> Character in
            let ascii = scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_")
            return ascii ? Character(scalar) : "-"
        }
        let safe = String(kept.prefix(24))
        return safe.isEmpty ? "test" : safe
    }
}

extension String {
    fileprivate func trimmingTrailingSlashes() -> String {
        var trimmed = self
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed.removeLast() }
        return trimmed
    }
}
