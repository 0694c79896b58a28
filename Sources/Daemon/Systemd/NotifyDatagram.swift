#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The C calls behind ``SystemdNotifier``, wrapped once: one datagram on a fresh socket, as
/// libsystemd's `sd_notify` does. A socket per message keeps the notifier a plain value with
/// no descriptor to share or close; at one watchdog ping every few seconds the cost is nil.
enum NotifyDatagram {
    static func send(_ payload: [UInt8], to address: NotifySocketAddress) throws(DaemonError) {
        let kind = Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        let fd = socket(AF_UNIX, kind, 0)
        guard fd >= 0 else { throw .notifySocketUnavailable(errno: errno) }
        defer { close(fd) }
        var socketAddress = address.socketAddress
        let length = address.length
        while true {
            // MSG_DONTWAIT: if systemd's queue is full, report it rather than block a thread of
            // the cooperative pool; a lost watchdog ping is followed by the next one.
            let sent = payload.withUnsafeBytes { bytes in
                withUnsafePointer(to: &socketAddress) { pointer in
                    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        sendto(fd, bytes.baseAddress, bytes.count, Int32(MSG_DONTWAIT), $0, length)
                    }
                }
            }
            // A datagram goes whole or not at all, so there is no partial send to finish.
            if sent >= 0 { return }
            let code = errno
            if code == EINTR { continue }
            throw .notifySendFailed(address: address.description, errno: code)
        }
    }
}
