public import EventLog
import Foundation
import SystemPackage

/// Reads a dropped file without trusting it: never follows a symlink, never blocks on a
/// FIFO, reads only regular files up to a size cap, and says why it refused the rest.
public struct FileIntake: Sendable {
    public struct Configuration: Sendable, Equatable {
        /// Larger files are refused as `too-large`.
        public var maximumBytes: Int = 20 << 20
        public init(maximumBytes: Int = 20 << 20) { self.maximumBytes = maximumBytes }
    }

    public enum Outcome: Sendable, Equatable {
        case accepted(bytes: [UInt8], identity: FileIdentity)
        case rejected(Rejection, identity: FileIdentity?)
        /// Gone before it could be opened (moved away or deleted): not an error.
        case vanished
    }

    public var configuration: Configuration

    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// What `lstat` says about a path, without opening it.
    static func identity(ofPathAt path: UnsafePointer<CChar>) -> (FileIdentity, mode_t)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (FileIdentity(info), info.st_mode)
    }

    public func read(pathAt path: UnsafePointer<CChar>) -> Outcome {
        // O_NONBLOCK: opening a FIFO for reading must not wait for a writer.
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { return refusedOpen(errno, path: path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            return .rejected(Rejection(.unreadable, "fstat failed: \(Errno(rawValue: errno))"), identity: nil)
        }
        let identity = FileIdentity(info)
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR:
            return .rejected(Rejection(.directory, "a folder; subfolders are read only with --recursive"), identity: identity)
        default:
            return .rejected(Rejection(.notRegular, "not a regular file (\(Self.kind(info.st_mode)))"), identity: identity)
        }
        if info.st_size > configuration.maximumBytes {
            return .rejected(Rejection(.tooLarge, "\(info.st_size) bytes, over the \(configuration.maximumBytes)-byte cap"), identity: identity)
        }
        if info.st_size == 0 {
            return .rejected(Rejection(.empty, "the file is empty"), identity: identity)
        }
        // Read to the end, not just `st_size` bytes: a file still growing past the cap is
        // refused rather than cut short.
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var total = 0
        while true {
            if total == bytes.count {
                guard total <= configuration.maximumBytes else {
                    return .rejected(Rejection(.tooLarge, "grew past the \(configuration.maximumBytes)-byte cap while being read"), identity: identity)
                }
                bytes.append(contentsOf: repeatElement(0, count: min(bytes.count, configuration.maximumBytes + 1 - total)))
            }
            let got = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + total, $0.count - total) }
            if got < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .rejected(Rejection(.unreadable, "read failed: \(Errno(rawValue: errno))"), identity: identity)
            }
            if got == 0 { break }
            total += got
        }
        if total > configuration.maximumBytes {
            return .rejected(Rejection(.tooLarge, "grew past the \(configuration.maximumBytes)-byte cap while being read"), identity: identity)
        }
        bytes.removeSubrange(total...)
        if bytes.isEmpty { return .rejected(Rejection(.empty, "the file is empty"), identity: identity) }
        return .accepted(bytes: bytes, identity: identity)
    }

    private func refusedOpen(_ code: Int32, path: UnsafePointer<CChar>) -> Outcome {
        let identity = Self.identity(ofPathAt: path)?.0
        switch code {
        case ENOENT, ENOTDIR: return .vanished
        case ELOOP: return .rejected(Rejection(.symlink, "a symbolic link; links are never followed"), identity: identity)
        case EACCES, EPERM: return .rejected(Rejection(.unreadable, "permission denied"), identity: identity)
        case ENXIO, ENODEV, EOPNOTSUPP:
            return .rejected(Rejection(.notRegular, "not a regular file (\(Errno(rawValue: code)))"), identity: identity)
        default:
            return .rejected(Rejection(.unreadable, "open failed: \(Errno(rawValue: code))"), identity: identity)
        }
    }

    static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFLNK: "a symbolic link"
        case S_IFDIR: "a folder"
        default: "an unknown kind of file"
        }
    }
}

extension FileIdentity {
    init(_ info: stat) {
        self.init(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                  mtime: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
    }
}
