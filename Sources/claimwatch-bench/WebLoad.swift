import Foundation
import Synchronization

/// The web bench's load: keep-alive HTTP/1.1 GETs on a few connections, each driven by a
/// thread of its own (blocking sockets, as a load tool would), asking for one path again
/// and again. Each answer must be a 200 with a Content-Length; its `Server-Timing` is the
/// server's own time.
struct WebLoad: Sendable {
    struct Sample: Sendable {
        /// The server's time, from its `Server-Timing` header, in milliseconds.
        var server: Double
        /// From sending the request to the last byte of the answer, in milliseconds.
        var roundTrip: Double
        var bytes: Int
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    let port: UInt16
    let path: String
    let connections: Int

    func run(requests: Int) async throws -> [Sample] {
        let results = Mutex<[Result<[Sample], Failure>]>([])
        let share = (requests + connections - 1) / max(1, connections)
        let (port, path) = (port, path)
        await withCheckedContinuation { (done: CheckedContinuation<Void, Never>) in
            let remaining = Mutex(connections)
            for _ in 0..<connections {
                Thread {
                    let result = Result { () throws(Failure) -> [Sample] in
                        let connection = try LoadConnection(port: port)
                        defer { close(connection.socket) }
                        var samples: [Sample] = []
                        for _ in 0..<share { samples.append(try connection.get(path)) }
                        return samples
                    }
                    results.withLock { $0.append(result) }
                    if remaining.withLock({ count -> Int in count -= 1; return count }) == 0 { done.resume() }
                }.start()
            }
        }
        var samples: [Sample] = []
        for result in results.withLock({ $0 }) { samples += try result.get() }
        return Array(samples.prefix(requests))
    }
}

/// One keep-alive connection to the server on loopback.
final class LoadConnection {
    let socket: Int32
    private var pending: [UInt8] = []

    init(port: UInt16) throws(WebLoad.Failure) {
        socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw WebLoad.Failure(description: "socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = UInt32(0x7F00_0001).bigEndian
        var noDelay: Int32 = 1
        setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &noDelay, socklen_t(MemoryLayout<Int32>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw WebLoad.Failure(description: "connect to 127.0.0.1:\(port): errno \(errno)")
        }
    }

    func get(_ path: String) throws(WebLoad.Failure) -> WebLoad.Sample {
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8)
        let started = ContinuousClock.now
        let sent = request.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, 0) }
        guard sent == request.count else { throw WebLoad.Failure(description: "send: errno \(errno)") }
        let separator: [UInt8] = [13, 10, 13, 10]
        var headerEnd: Int?
        while headerEnd == nil {
            headerEnd = pending.indices.first { pending[$0...].starts(with: separator) }
            if headerEnd == nil { try receive() }
        }
        let end = headerEnd ?? 0
        let head = String(decoding: pending[..<end], as: UTF8.self).lowercased()
        guard head.hasPrefix("http/1.1 200") else { throw WebLoad.Failure(description: "answer: \(head.prefix(80))") }
        var length = 0, server = 0.0
        for line in head.split(separator: "\r\n") {
            if line.hasPrefix("content-length:") { length = Int(line.dropFirst(15).trimmingCharacters(in: .whitespaces)) ?? 0 }
            if line.hasPrefix("server-timing:"), let duration = line.range(of: "dur=") {
                server = Double(line[duration.upperBound...].prefix { $0.isNumber || $0 == "." }) ?? 0
            }
        }
        while pending.count < end + 4 + length { try receive() }
        pending.removeFirst(end + 4 + length)
        let elapsed = ContinuousClock.now - started
        let roundTrip = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        return WebLoad.Sample(server: server, roundTrip: roundTrip, bytes: length)
    }

    private func receive() throws(WebLoad.Failure) {
        var buffer = [UInt8](repeating: 0, count: 256 << 10)
        let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { throw WebLoad.Failure(description: "the server closed the connection") }
        pending += buffer[0..<count]
    }
}
