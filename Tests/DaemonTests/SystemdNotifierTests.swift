import Daemon
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct SystemdNotifierTests {
    @Test("Sends READY=1 with a status as one datagram to a socket bound to a path")
    func readyToPath() throws {
        let folder = TemporaryDirectory("notify")
        let listener = try DatagramListener(path: folder.file("notify"))
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address])
        #expect(notifier.isEnabled)
        try notifier.ready(status: "watching /srv/drop/wire")
        #expect(listener.pending() == ["READY=1\nSTATUS=watching /srv/drop/wire"])
    }

    @Test("Sends to a socket in the abstract namespace named with a leading @")
    func readyToAbstractName() throws {
        let listener = try DatagramListener(abstractName: DatagramListener.uniqueAbstractName())
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address])
        try notifier.ready()
        try notifier.watchdog()
        #expect(listener.pending() == ["READY=1", "WATCHDOG=1"])
    }

    @Test("Each state is sent in the exact form sd_notify uses")
    func exactDatagrams() throws {
        let folder = TemporaryDirectory("notify")
        let listener = try DatagramListener(path: folder.file("notify"))
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address])
        try notifier.status("3 files queued")
        try notifier.watchdog()
        try notifier.stopping()
        try notifier.stopping(status: "draining")
        try notifier.extendTimeout(by: .seconds(90))
        try notifier.extendTimeout(by: .milliseconds(1500))
        #expect(listener.pending() == [
            "STATUS=3 files queued",
            "WATCHDOG=1",
            "STOPPING=1",
            "STOPPING=1\nSTATUS=draining",
            "EXTEND_TIMEOUT_USEC=90000000",
            "EXTEND_TIMEOUT_USEC=1500000",
        ])
    }

    @Test("RELOADING=1 carries MONOTONIC_USEC read from CLOCK_MONOTONIC at the time of the call")
    func reloadingCarriesMonotonicTime() throws {
        let folder = TemporaryDirectory("notify")
        let listener = try DatagramListener(path: folder.file("notify"))
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address])
        let before = Self.monotonicMicroseconds()
        try notifier.reloading(status: "rereading configuration")
        let after = Self.monotonicMicroseconds()

        let messages = listener.pending()
        try #require(messages.count == 1)
        let lines = messages[0].split(separator: "\n").map(String.init)
        try #require(lines.count == 3)
        #expect(lines[0] == "RELOADING=1")
        #expect(lines[2] == "STATUS=rereading configuration")
        #expect(lines[1].hasPrefix("MONOTONIC_USEC="))
        let stamp = try #require(UInt64(lines[1].dropFirst("MONOTONIC_USEC=".count)))
        #expect(before <= stamp && stamp <= after)
    }

    @Test("A status holding line breaks or NUL stays one assignment")
    func statusIsFlattened() throws {
        let listener = try DatagramListener(abstractName: DatagramListener.uniqueAbstractName())
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": listener.address])
        try notifier.status("evil\nREADY=1\r\0name")
        #expect(listener.pending() == ["STATUS=evil READY=1  name"])
    }

    @Test("Does nothing, successfully, when NOTIFY_SOCKET is unset")
    func unsetIsNoOp() throws {
        let notifier = SystemdNotifier(environment: [:])
        #expect(!notifier.isEnabled)
        try notifier.ready(status: "ignored")
        try notifier.watchdog()
        try notifier.reloading()
        try notifier.stopping()
    }

    @Test("A socket that is not there is reported as an error, with its errno")
    func missingSocketIsReported() throws {
        let folder = TemporaryDirectory("notify")
        let path = folder.file("nobody-listens")
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": path])
        #expect(throws: DaemonError.notifySendFailed(address: path, errno: ENOENT)) {
            try notifier.ready()
        }
        let name = "@" + DatagramListener.uniqueAbstractName()
        let abstract = SystemdNotifier(environment: ["NOTIFY_SOCKET": name])
        #expect(throws: DaemonError.notifySendFailed(address: name, errno: ECONNREFUSED)) {
            try abstract.watchdog()
        }
    }

    @Test("Addresses that are not an absolute path or @name are refused on every send", arguments: [
        "relative/notify", "vsock:2:1234", "@", "",
    ])
    func unsupportedAddresses(address: String) {
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": address])
        #expect(notifier.isEnabled)
        #expect(throws: DaemonError.notifySocketUnsupported(address: address)) { try notifier.ready() }
        #expect(throws: DaemonError.notifySocketUnsupported(address: address)) { try notifier.watchdog() }
    }

    @Test("Addresses longer than sun_path are refused, the path counting its NUL")
    func tooLongAddresses() throws {
        let fits = "/" + String(repeating: "a", count: 106)
        let tooLong = "/" + String(repeating: "a", count: 107)
        #expect(throws: DaemonError.notifySendFailed(address: fits, errno: ENOENT)) {
            try SystemdNotifier(environment: ["NOTIFY_SOCKET": fits]).ready()
        }
        #expect(throws: DaemonError.notifySocketTooLong(address: tooLong, limit: 108)) {
            try SystemdNotifier(environment: ["NOTIFY_SOCKET": tooLong]).ready()
        }
        let abstract = "@" + String(repeating: "b", count: 108)
        #expect(throws: DaemonError.notifySocketTooLong(address: abstract, limit: 108)) {
            try SystemdNotifier(environment: ["NOTIFY_SOCKET": abstract]).ready()
        }
    }

    @Test("Errors name the socket and explain the errno")
    func errorDescriptions() {
        let error = DaemonError.notifySendFailed(address: "/run/systemd/notify", errno: ENOENT)
        #expect(error.description == "cannot notify systemd through /run/systemd/notify: No such file or directory (errno 2)")
    }

    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }
}
