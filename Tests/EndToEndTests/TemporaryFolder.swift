import Foundation

/// A fresh folder under the system's temporary directory, removed when the test ends.
final class TemporaryFolder {
    let path: String

    init(_ label: String) {
        var template = Array((NSTemporaryDirectory() + "/claimwatch-\(label)-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        path = made.map { String(cString: $0) } ?? NSTemporaryDirectory() + "/claimwatch-\(label)-\(UUID())"
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
