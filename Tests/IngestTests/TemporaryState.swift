import Foundation
@testable import Ingest
// The shared temporary folder, for every file here.
@_exported import TestSupport

/// A fresh state folder (a shared temporary folder) with the layout every command uses and a drop folder.
final class TemporaryState {
    let folder: TemporaryDirectory
    let layout: StateLayout

    var path: String { folder.path }

    init(_ label: String = #function) throws {
        folder = TemporaryDirectory(label)
        layout = StateLayout(root: folder.path)
        try layout.createFolders(extra: [layout.inbox])
    }

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
