import Foundation
import Watcher

/// The few file-system steps several parts of the pipeline share, each wrapped once.
enum FileSystem {
    /// Writes all of `bytes` to `descriptor`, retrying short and interrupted writes.
    static func writeAll(_ bytes: [UInt8], to descriptor: Int32, path: @autoclosure () -> String) throws(IngestError) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if result < 0 {
                if errno == EINTR { continue }
                throw .io(operation: "write", path: path(), errno: errno)
            }
            written += result
        }
    }

    /// `mkdir -p` on a byte-exact path.
    static func makeDirectories(_ path: DropPath) throws(IngestError) {
        var current: [UInt8] = []
        for (index, byte) in path.bytes.enumerated() {
            let atEnd = index == path.bytes.count - 1
            if atEnd { current.append(byte) }
            if byte == UInt8(ascii: "/") || atEnd, let folder = DropPath(bytes: current) {
                let made = folder.withCString { mkdir($0, 0o755) }
                if made != 0, errno != EEXIST { throw .io(operation: "mkdir", path: folder.description, errno: errno) }
            }
            if !atEnd { current.append(byte) }
        }
    }
}
