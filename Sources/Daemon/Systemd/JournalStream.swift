#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The stream systemd connects a service's stderr to, as named by `$JOURNAL_STREAM`
/// (`DEVICE:INODE` in decimal). The variable is inherited by child processes whose stderr may
/// have been redirected elsewhere, so it counts only when it matches the descriptor's own
/// `fstat` (as `sd_journal_stream_fd(3)` advises).
public struct JournalStream: Sendable, Hashable {
    public let device: UInt64
    public let inode: UInt64

    public init(device: UInt64, inode: UInt64) {
        self.device = device
        self.inode = inode
    }

    /// Parses `$JOURNAL_STREAM`; `nil` if it is unset or malformed.
    public init?(environment: [String: String]) {
        guard let value = environment["JOURNAL_STREAM"] else { return nil }
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let device = UInt64(parts[0]), let inode = UInt64(parts[1]) else {
            return nil
        }
        self.init(device: device, inode: inode)
    }

    /// The device and inode of an open descriptor, or `nil` if `fstat` fails (closed stderr).
    public init?(fileDescriptor: Int32) {
        var status = stat()
        guard fstat(fileDescriptor, &status) == 0 else { return nil }
        self.init(device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    /// Whether lines written to `fileDescriptor` reach the journal.
    public static func isConnected(fileDescriptor: Int32, environment: [String: String]) -> Bool {
        connects(environment: environment, to: JournalStream(fileDescriptor: fileDescriptor))
    }

    /// The decision itself, without the system call: the environment names a stream and the
    /// descriptor is that stream.
    public static func connects(environment: [String: String], to descriptor: JournalStream?) -> Bool {
        guard let named = JournalStream(environment: environment), let descriptor else { return false }
        return named == descriptor
    }
}
