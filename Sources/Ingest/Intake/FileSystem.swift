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

    /// Writes `bytes` under a temporary name beside `path` and renames it into place, so a
    /// reader never sees half of it. Not synced: the caller syncs, or can lose it.
    static func writeReplacing(_ bytes: [UInt8], at path: String) throws(IngestError) {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io(operation: "open", path: temporary, errno: errno) }
        do {
            try writeAll(bytes, to: descriptor, path: temporary)
        } catch {
            close(descriptor)
            unlink(temporary)
            throw error
        }
        close(descriptor)
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw .io(operation: "rename", path: path, errno: code)
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
