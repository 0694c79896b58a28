import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A real pipe: the handler writes into ``writeEnd``; the test reads what arrived.
final class LinePipe {
    let readEnd: Int32
    let writeEnd: Int32

    init() throws {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw TestFailure("pipe failed: errno \(errno)") }
        readEnd = ends[0]
        writeEnd = ends[1]
        // pipe2 is not in Swift's Glibc module; set the flags one by one.
        _ = fcntl(readEnd, F_SETFL, O_NONBLOCK)
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    /// Everything written so far (the write end stays open, so this never waits: the read end
    /// is non-blocking and returns EAGAIN once the pipe is empty).
    func drain() -> String {
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            bytes += buffer[..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
