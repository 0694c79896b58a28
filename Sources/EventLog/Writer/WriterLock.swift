import Foundation
import Synchronization

/// The single-writer rule: an exclusive `flock` on `<log>/LOCK`, held for the writer's life.
/// The holder's pid goes into the file so the refusal can say who holds it.
final class WriterLock: Sendable {
    let path: String
    /// The locked descriptor until `release()`; releasing twice must not close some
    /// other file that reused the number.
    private let descriptor: Mutex<Int32?>

    init(directory: String) throws(EventLogError) {
        path = directory + "/LOCK"
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io(operation: "open", path: path, errno: errno) }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            let holder = Self.readHolder(descriptor)
            close(descriptor)
            if code == EWOULDBLOCK { throw .locked(path: path, holder: holder) }
            throw .io(operation: "flock", path: path, errno: code)
        }
        let note = Array("pid \(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = note.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        self.descriptor = Mutex(descriptor)
    }

    deinit { release() }

    /// The locked descriptor, for tests that hand a copy of it to a child process.
    var heldDescriptor: Int32? { descriptor.withLock { $0 } }

    func release() {
        // Unlock explicitly before closing: a child forked by this process (any `Process` a
        // host program runs) holds a copy of the descriptor until it execs, and a bare close
        // would leave the lock with that copy, refusing the next writer for a moment. The
        // file stays so the next writer reuses it.
        descriptor.withLock { held in
            if let open = held {
                flock(open, LOCK_UN)
                close(open)
            }
            held = nil
        }
    }

    /// Whether some process holds the writer lock right now (without taking it).
    static func isHeld(directory: String) -> Bool {
        let descriptor = open(directory + "/LOCK", O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        guard flock(descriptor, LOCK_SH | LOCK_NB) == 0 else { return errno == EWOULDBLOCK }
        flock(descriptor, LOCK_UN)
        return false
    }

    private static func readHolder(_ descriptor: Int32) -> String? {
        var bytes = [UInt8](repeating: 0, count: 64)
        let count = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        let text = String(decoding: bytes[0..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
