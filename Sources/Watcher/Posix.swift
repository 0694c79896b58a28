#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import SystemPackage

extension Errno {
    /// `errno` caught right after the call that set it.
    static var current: Errno { Errno(rawValue: errno) }
}

/// The identity of a directory, to avoid watching it twice or walking a bind-mount loop.
struct FileIdentity: Hashable {
    let device: UInt64
    let inode: UInt64
}

/// What a polling pass compares: a file that keeps the same signature between two passes is
/// no longer being written.
struct FileSignature: Hashable {
    let identity: FileIdentity
    let size: Int64
    let modifiedSeconds: Int64
    let modifiedNanoseconds: Int64
}

/// One name in a directory. Anything that is not a directory (regular file, FIFO, socket,
/// symlink, device) is reported alike: the intake stage decides what to do with it.
struct DirectoryEntry {
    let name: [UInt8]
    let isDirectory: Bool
    let signature: FileSignature?
}

/// Every POSIX call the watcher makes, each wrapped once: `errno` is read at once and
/// returned as a typed error, and C memory is copied into Swift values before returning.
enum Posix {
    /// Opens a directory without following a symlink in the last component, so a scan never
    /// walks out of the drop folder through a link.
    static func openDirectory(_ path: [UInt8]) throws(Errno) -> Int32 {
        let fd = DropPath(kernelBytes: path).withCString {
            open($0, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        }
        guard fd >= 0 else { throw .current }
        return fd
    }

    static func identity(ofOpen fd: Int32) throws(Errno) -> FileIdentity {
        var status = stat()
        guard fstat(fd, &status) == 0 else { throw .current }
        return FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    /// Lists an open directory and closes it. `signatures` adds an `lstat` per entry, which
    /// polling needs; otherwise `d_type` suffices and only unknown types cost a stat.
    static func list(directory fd: Int32, signatures: Bool) throws(Errno) -> [DirectoryEntry] {
        guard let stream = fdopendir(fd) else {
            let failure = Errno.current
            close(fd)
            throw failure
        }
        defer { closedir(stream) }
        var entries: [DirectoryEntry] = []
        while true {
            errno = 0
            guard let entry = readdir(stream) else {
                if errno != 0 { throw .current }
                return entries
            }
            let name = entryName(entry)
            if name == [0x2E] || name == [0x2E, 0x2E] { continue }
            let type = entry.pointee.d_type
            let known = type != UInt8(DT_UNKNOWN)
            let signature = signatures || !known ? self.signature(of: name, in: dirfd(stream)) : nil
            let isDirectory = known ? type == UInt8(DT_DIR) : signature?.isDirectory ?? false
            entries.append(DirectoryEntry(name: name, isDirectory: isDirectory, signature: signature?.value))
        }
    }

    private static func entryName(_ entry: UnsafeMutablePointer<dirent>) -> [UInt8] {
        withUnsafePointer(to: &entry.pointee.d_name) { tuple in
            tuple.withMemoryRebound(to: UInt8.self, capacity: MemoryLayout.size(ofValue: tuple.pointee)) { start in
                Array(UnsafeBufferPointer(start: start, count: strlen(UnsafeRawPointer(start).assumingMemoryBound(to: CChar.self))))
            }
        }
    }

    /// `nil` when the entry vanished between `readdir` and the stat: a race, not an error.
    private static func signature(of name: [UInt8], in directory: Int32) -> (value: FileSignature, isDirectory: Bool)? {
        var status = stat()
        let result = DropPath(kernelBytes: name).withCString {
            fstatat(directory, $0, &status, AT_SYMLINK_NOFOLLOW)
        }
        guard result == 0 else { return nil }
        let signature = FileSignature(
            identity: FileIdentity(device: UInt64(status.st_dev), inode: UInt64(status.st_ino)),
            size: Int64(status.st_size),
            modifiedSeconds: Int64(status.st_mtim.tv_sec),
            modifiedNanoseconds: Int64(status.st_mtim.tv_nsec)
        )
        return (signature, status.st_mode & S_IFMT == S_IFDIR)
    }

    /// Creates (or truncates) a private regular file, refusing to follow a planted symlink.
    static func createPrivateFile(_ path: [UInt8]) throws(Errno) {
        let fd = DropPath(kernelBytes: path).withCString {
            open($0, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        }
        guard fd >= 0 else { throw .current }
        close(fd)
    }

    /// Opens for writing and closes, which raises `IN_CLOSE_WRITE` without changing a byte.
    static func touch(_ path: [UInt8]) throws(Errno) {
        let fd = DropPath(kernelBytes: path).withCString {
            open($0, O_WRONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK)
        }
        guard fd >= 0 else { throw .current }
        close(fd)
    }

    /// Whether the path names something other than a regular file or a folder (a FIFO,
    /// socket, device or symlink), without following a symlink; false when it is gone.
    static func isSpecialFile(_ path: [UInt8]) -> Bool {
        var status = stat()
        let found = DropPath(kernelBytes: path).withCString { lstat($0, &status) } == 0
        let kind = status.st_mode & S_IFMT
        return found && kind != S_IFREG && kind != S_IFDIR
    }

    static func unlinkFile(_ path: [UInt8]) {
        _ = DropPath(kernelBytes: path).withCString { unlink($0) }
    }
}

extension Posix {
    static func closeDescriptor(_ fd: Int32) {
        close(fd)
    }
}
