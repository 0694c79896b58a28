import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real `AF_UNIX` datagram socket standing in for systemd's notify socket, bound to a path
/// or to a name in Linux's abstract namespace. `NOTIFY_SOCKET` for it is ``address``.
final class DatagramListener {
    let address: String
    private let fd: Int32

    /// Binds to `path` on the file system.
    convenience init(path: String) throws {
        try self.init(address: path, sunPath: Array(path.utf8) + [0])
    }

    /// Binds to a fresh abstract name (no file; gone when the socket closes).
    convenience init(abstractName: String) throws {
        try self.init(address: "@" + abstractName, sunPath: [0] + Array(abstractName.utf8))
    }

    private init(address: String, sunPath: [UInt8]) throws {
        self.address = address
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket failed: errno \(errno)") }
        var storage = sockaddr_un()
        storage.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &storage.sun_path) { $0.copyBytes(from: sunPath) }
        // The exact length matters for abstract names: every byte up to it is part of the name.
        let length = socklen_t(MemoryLayout<sa_family_t>.size + sunPath.count)
        let bound = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) }
        }
        guard bound == 0 else {
            let code = errno
            close(fd)
            throw TestFailure("bind \(address) failed: errno \(code)")
        }
    }

    deinit { close(fd) }

    /// The datagrams already queued, oldest first. `sendto` on a Unix datagram socket queues
    /// the message before it returns, so no waiting is needed after the sender returned.
    func pending() -> [String] {
        var messages: [String] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            guard count >= 0 else { return messages }
            messages.append(String(decoding: buffer[..<count], as: UTF8.self))
        }
    }

    /// A name unlikely to clash with other tests or other processes on this machine.
    static func uniqueAbstractName() -> String {
        "claimwatch-test-\(getpid())-\(UUID().uuidString)"
    }
}
