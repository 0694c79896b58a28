import Foundation

/// A file descriptor with each system call the log needs wrapped once, failing with the
/// path and `errno`.
struct LogFile: ~Copyable {
    let descriptor: Int32
    let path: String

    init(path: String, flags: Int32, mode: mode_t = 0o644) throws(EventLogError) {
        let descriptor = Glibc.open(path, flags | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw .io(operation: "open", path: path, errno: errno) }
        self.descriptor = descriptor
        self.path = path
    }

    deinit { Glibc.close(descriptor) }

    func size() throws(EventLogError) -> Int64 {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw .io(operation: "fstat", path: path, errno: errno) }
        return Int64(info.st_size)
    }

    /// Reads up to `count` bytes at `offset`; fewer only at the end of the file.
    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int64) throws(EventLogError) -> Int {
        var total = 0
        while total < buffer.count {
            let got = pread(descriptor, buffer.baseAddress! + total, buffer.count - total, off_t(offset) + off_t(total))
            if got < 0 {
                if errno == EINTR { continue }
                throw .io(operation: "read", path: path, errno: errno)
            }
            if got == 0 { break }
            total += got
        }
        return total
    }

    /// Writes all of `bytes`, retrying short writes.
    func writeAll(_ bytes: UnsafeRawBufferPointer) throws(EventLogError) {
        var written = 0
        while written < bytes.count {
            let result = Glibc.write(descriptor, bytes.baseAddress! + written, bytes.count - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw .io(operation: "write", path: path, errno: errno)
            }
            written += result
        }
    }

    func syncData() throws(EventLogError) {
        guard fdatasync(descriptor) == 0 else { throw .io(operation: "fdatasync", path: path, errno: errno) }
    }

    func truncate(to length: Int64) throws(EventLogError) {
        guard ftruncate(descriptor, off_t(length)) == 0 else { throw .io(operation: "ftruncate", path: path, errno: errno) }
    }

    /// Makes a new directory entry durable: the file's data is not enough after a crash.
    static func syncDirectory(_ path: String) throws(EventLogError) {
        let directory = try LogFile(path: path, flags: O_RDONLY | O_DIRECTORY)
        guard fsync(directory.descriptor) == 0 else { throw .io(operation: "fsync", path: path, errno: errno) }
    }

    static func makeDirectory(_ path: String) throws(EventLogError) {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if mkdir(current, 0o755) != 0, errno != EEXIST {
                throw .io(operation: "mkdir", path: current, errno: errno)
            }
        }
    }
}
