import Foundation

/// A fresh folder under the system's temporary directory, removed when the test ends.
final class TemporaryDirectory {
    let path: String

    init(_ label: String) throws {
        // Short prefix: a socket path must fit in the 108 bytes of sun_path.
        var template = Array((NSTemporaryDirectory().trimmingSuffix("/") + "/cw-\(label)-XXXXXX").utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap(mkdtemp) }) else {
            throw TestFailure("mkdtemp failed: errno \(errno)")
        }
        path = String(cString: made)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

extension String {
    func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
