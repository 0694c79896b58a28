#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import Synchronization

/// A descriptor that whole lines are written to, from any thread. Each line goes out in one
/// `write(2)` and the lock makes sure that if the kernel takes only part of a long line, the
/// rest follows before another thread's line starts.
final class LogSink: Sendable {
    let fileDescriptor: Int32
    private let lock = Mutex(())

    /// Shared by every handler on stderr, so that loggers with different labels also take
    /// turns.
    static let standardError = LogSink(fileDescriptor: STDERR_FILENO)

    init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    /// Writes `line` (which ends in a newline). Errors are dropped: there is nowhere left to
    /// report a failure to write the log.
    func writeLine(_ line: String) {
        var line = line
        line.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return }
            lock.withLock { _ in
                var offset = 0
                while offset < bytes.count {
                    let written = write(fileDescriptor, start + offset, bytes.count - offset)
                    if written > 0 {
                        offset += written
                    } else if written < 0 && errno == EINTR {
                        continue
                    } else {
                        return
                    }
                }
            }
        }
    }
}
