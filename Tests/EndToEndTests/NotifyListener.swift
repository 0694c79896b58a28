import Foundation

/// A datagram socket standing in for systemd's notify socket.
final class NotifyListener {
    let path: String
    private let descriptor: Int32

    init(in folder: String) throws {
        path = folder + "/notify.sock"
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw HarnessError("socket: \(errno)") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in path.utf8.enumerated() where index < raw.count - 1 { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw HarnessError("bind: \(errno)") }
    }

    deinit { close(descriptor) }

    /// Datagrams received until one contains `text`, or `timeout` passes.
    func waitFor(_ text: String, timeout: TimeInterval = 30) -> [String] {
        waitFor(timeout: timeout) { $0.contains(text) }
    }

    /// Datagrams received until one satisfies `match`, or `timeout` passes.
    func waitFor(timeout: TimeInterval = 30, where match: (String) -> Bool) -> [String] {
        var received: [String] = []
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, 100) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { continue }
            let message = String(decoding: buffer[..<count], as: UTF8.self)
            received.append(message)
            if match(message) { return received }
        }
        return received
    }
}
