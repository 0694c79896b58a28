import Foundation

/// A plain HTTP/1.1 client over a loopback socket, for tests of the running server: it
/// sends exactly the request asked for (any method, any Host header) and reads the answer
/// as the bytes on the wire, so a test sees the headers and body the server really sent.
struct HTTPProbe {
    let host: String
    let port: UInt16

    struct Answer {
        var status: Int
        /// Header names in lowercase.
        var headers: [String: String]
        var body: [UInt8]
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// `127.0.0.1:PORT` as the server printed it.
    init(address: String) throws {
        guard let colon = address.lastIndex(of: ":"), let port = UInt16(address[address.index(after: colon)...]) else {
            throw ProbeError("cannot read the address '\(address)'")
        }
        host = String(address[..<colon])
        self.port = port
    }

    func get(_ path: String, headers: [String: String] = [:], method: String = "GET") throws -> Answer {
        let socket = try connect()
        defer { close(socket) }
        try send(socket, request(method: method, path: path, headers: headers.merging(["Connection": "close"]) { $1 }))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 << 10)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        return try Self.parse(received)
    }

    /// Opens a request whose answer streams (Server-Sent Events) and reads it until
    /// `until` returns true for what arrived so far, or `timeout` passes. Returns what
    /// arrived, headers included. `whileOpen` runs once the first bytes are in.
    func stream(_ path: String, timeout: TimeInterval, whileOpen: () throws -> Void, until: (String) -> Bool) throws -> String {
        let socket = try connect()
        defer { close(socket) }
        try send(socket, request(method: "GET", path: path, headers: ["Accept": "text/event-stream"]))
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 16 << 10)
        var opened = false
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            var descriptor = pollfd(fd: socket, events: Int16(POLLIN), revents: 0)
            if poll(&descriptor, 1, 200) > 0 {
                let count = buffer.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
                if count <= 0 { break }
                received += buffer[0..<count]
            }
            let text = String(decoding: received, as: UTF8.self)
            if !opened, text.contains("\r\n\r\n") {
                opened = true
                try whileOpen()
            }
            if opened, until(text) { return text }
        }
        return String(decoding: received, as: UTF8.self)
    }

    private func request(method: String, path: String, headers: [String: String]) -> String {
        var lines = ["\(method) \(path) HTTP/1.1"]
        if headers["Host"] == nil { lines.append("Host: \(host):\(port)") }
        lines += headers.map { "\($0.key): \($0.value)" }
        return lines.joined(separator: "\r\n") + "\r\n\r\n"
    }

    private func connect() throws -> Int32 {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { throw ProbeError("socket: errno \(errno)") }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(socket)
            throw ProbeError("not an IPv4 address: \(host)")
        }
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(socket)
            throw ProbeError("connect to \(host):\(port): errno \(errno)")
        }
        return socket
    }

    private func send(_ socket: Int32, _ text: String) throws {
        let bytes = Array(text.utf8)
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, 0) }
            guard count > 0 else { throw ProbeError("send: errno \(errno)") }
            sent += count
        }
    }

    /// Splits status line, headers and body; a chunked body is put back together.
    static func parse(_ bytes: [UInt8]) throws -> Answer {
        let separator: [UInt8] = [13, 10, 13, 10]
        guard let end = bytes.indices.first(where: { bytes[$0...].starts(with: separator) }) else {
            throw ProbeError("no complete header in \(bytes.count) bytes")
        }
        let head = String(decoding: bytes[..<end], as: UTF8.self).components(separatedBy: "\r\n")
        let statusParts = head[0].split(separator: " ")
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else { throw ProbeError("bad status line: \(head[0])") }
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        var body = Array(bytes[(end + 4)...])
        if headers["transfer-encoding"]?.lowercased() == "chunked" { body = try dechunk(body) }
        return Answer(status: status, headers: headers, body: body)
    }

    static func dechunk(_ bytes: [UInt8]) throws -> [UInt8] {
        var output: [UInt8] = []
        var index = 0
        while index < bytes.count {
            guard let lineEnd = bytes[index...].firstIndex(of: 13) else { break }
            let sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).split(separator: ";").first ?? ""
            guard let size = Int(sizeText.trimmingCharacters(in: .whitespaces), radix: 16) else { throw ProbeError("bad chunk size") }
            if size == 0 { break }
            let start = lineEnd + 2
            guard start + size <= bytes.count else { throw ProbeError("chunk runs past the end") }
            output += bytes[start..<(start + size)]
            index = start + size + 2
        }
        return output
    }
}

struct ProbeError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
