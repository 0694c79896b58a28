import Foundation
@testable import Ingest

/// A fresh state folder under the system's temporary directory, removed when the test ends,
/// with the layout every command uses and a drop folder.
final class TemporaryState {
    let path: String
    let layout: StateLayout

    init(_ label: String) throws {
        var template = Array((NSTemporaryDirectory() + "/claimwatch-\(label)-XXXXXX").utf8CString)
        let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        path = made.map { String(cString: $0) } ?? NSTemporaryDirectory() + "/claimwatch-\(label)-\(UUID())"
        layout = StateLayout(root: path)
        try layout.createFolders(extra: [layout.inbox])
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// Writes a file into the drop folder.
    @discardableResult
    func drop(_ name: String, _ text: String) throws -> String {
        let file = layout.inbox + "/" + name
        try Data(text.utf8).write(to: URL(fileURLWithPath: file))
        return file
    }
}

/// The project's own example story (examples/articles), for tests that need real articles.
enum Examples {
    static let folder: String = {
        var folder = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { folder.deleteLastPathComponent() }
        return folder.appendingPathComponent("examples/articles").path
    }()

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    static func text(_ name: String) throws -> String {
        try String(contentsOfFile: folder + "/" + name, encoding: .utf8)
    }
}
