import EventLog
import Foundation
import Testing

/// A FIFO, a socket or a symlink never raises a close-write, so the daemon refuses each one
/// when it appears, not at the next periodic rescan.
@Suite(.serialized) struct DaemonSpecialFileTests {
    @Test("a FIFO, a socket and a symlink created in the drop folder are refused at once, with no rescan")
    func refusedWhenCreated() throws {
        let harness = DaemonHarness("special")
        // The safety-net rescan is an hour away: only the creation itself can report them.
        try harness.start(["--rescan-interval", "1h"])
        defer { harness.stop() }
        let inbox = harness.inbox
        let scansBefore = try harness.records(ofType: WatchRescan.eventType).count

        #expect(mkfifo(inbox + "/pipe.txt", 0o644) == 0)
        let outside = harness.state.path + "/passwd-copy.txt"
        try Data("root:x:0:0:root:/root:/bin/bash\n".utf8).write(to: URL(fileURLWithPath: outside))
        #expect(symlink(outside, inbox + "/x.txt") == 0)
        let socket = try UnixSocket(path: inbox + "/socket.txt")
        defer { socket.close() }

        #expect(harness.waitForHandled(["pipe.txt", "x.txt", "socket.txt"], timeout: 20))
        for (path, reason) in [("pipe.txt", "not-regular"), ("x.txt", "symlink"), ("socket.txt", "not-regular")] {
            #expect(try harness.rejection(for: path)?.reason == reason, "\(path)")
        }
        #expect(try harness.records(ofType: WatchRescan.eventType).count == scansBefore, "no rescan found them")
        #expect(FileManager.default.fileExists(atPath: outside), "a symlink's target is never touched")

        // A regular file is still taken only once it is written and closed.
        try harness.drop("after.txt", SampleArticle.text(5))
        #expect(harness.waitForHandled(["after.txt"], timeout: 20))
        #expect(try harness.rejection(for: "after.txt") == nil)
    }
}

/// A listening Unix socket bound at a path, which creates the socket file.
struct UnixSocket {
    let descriptor: Int32

    init(path: String) throws {
        descriptor = Foundation.socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw HarnessError("socket: errno \(errno)") }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { throw HarnessError("socket path too long") }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard bound == 0 else { throw HarnessError("bind \(path): errno \(errno)") }
    }

    func close() { _ = Foundation.close(descriptor) }
}
