import Foundation
// The shared temporary folder and test failure, for every file here.
@_exported import TestSupport
import Watcher
#if canImport(Glibc)
import Glibc
#endif

/// A shared temporary folder holding a drop folder, a private wake-up folder and a staging
/// folder (same file system, for renames into the drop folder).
struct TemporaryFolder {
    let directory: TemporaryDirectory

    var root: String { directory.path }
    var drop: String { root + "/drop" }
    var wake: String { root + "/wake" }
    var staging: String { root + "/staging" }

    init(_ label: String = #function) throws {
        directory = TemporaryDirectory(label)
        for folder in [drop, wake, staging] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
    }

    func configuration(_ adjust: (inout WatcherConfiguration) -> Void = { _ in }) -> WatcherConfiguration {
        var configuration = WatcherConfiguration(dropFolder: drop, wakeDirectory: wake)
        adjust(&configuration)
        return configuration
    }

    func remove() { directory.remove() }
}

/// File operations on raw byte paths, so tests can use names that are not valid UTF-8.
enum Files {
    static func path(_ folder: String, _ name: [UInt8]) -> [UInt8] {
        Array(folder.utf8) + [UInt8(ascii: "/")] + name
    }

    static func path(_ folder: String, _ name: String) -> [UInt8] {
        path(folder, Array(name.utf8))
    }

    /// Opens for writing; the caller writes and closes, to control when IN_CLOSE_WRITE fires.
    static func create(_ path: [UInt8]) throws -> Int32 {
        let fd = withCPath(path) { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644) }
        guard fd >= 0 else { throw TestFailure("open failed: errno \(errno)") }
        return fd
    }

    static func append(_ fd: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Glibc.write(fd, $0.baseAddress, $0.count) }) == bytes.count else {
            throw TestFailure("write failed: errno \(errno)")
        }
    }

    static func write(_ path: [UInt8], _ text: String = "{\"title\":\"x\"}") throws {
        let fd = try create(path)
        defer { close(fd) }
        try append(fd, text)
    }

    /// Reads a reported file through its C path, the way the intake stage will open it.
    static func read(_ path: DropPath) throws -> String {
        let fd = path.withCString { open($0, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
        guard fd >= 0 else { throw TestFailure("open failed: errno \(errno)") }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        guard count >= 0 else { throw TestFailure("read failed: errno \(errno)") }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    static func rename(_ from: [UInt8], _ to: [UInt8]) throws {
        let result = withCPath(from) { from in withCPath(to) { Glibc.rename(from, $0) } }
        guard result == 0 else { throw TestFailure("rename failed: errno \(errno)") }
    }

    static func makeFIFO(_ path: [UInt8]) throws {
        guard withCPath(path, { mkfifo($0, 0o644) }) == 0 else { throw TestFailure("mkfifo failed: errno \(errno)") }
    }

    static func makeFolders(_ folder: String) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    static func withCPath<R>(_ path: [UInt8], _ body: (UnsafePointer<CChar>) -> R) -> R {
        body(path.map { CChar(bitPattern: $0) } + [0])
    }
}
