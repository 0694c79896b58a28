#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Tells systemd how the daemon is doing (`sd_notify(3)`), without linking libsystemd: each
/// message is one datagram to the socket named by `$NOTIFY_SOCKET`.
///
/// Outside systemd (`NOTIFY_SOCKET` unset) every method does nothing, so the daemon calls them
/// unconditionally. A failure to send throws ``DaemonError`` and never stops the daemon: the
/// caller logs it and carries on.
public struct SystemdNotifier: Sendable {
    /// How often to call ``watchdog()``: half of `$WATCHDOG_USEC`, as systemd recommends, when
    /// the watchdog is on and meant for this process; `nil` otherwise.
    public let watchdogInterval: Duration?

    /// `nil` when `$NOTIFY_SOCKET` is unset; a failure when it is set but unusable, reported on
    /// every send so that a bad value shows up in the log instead of silently disabling
    /// readiness (systemd would then kill the daemon at its start timeout).
    private let destination: Result<NotifySocketAddress, DaemonError>?

    /// Reads `NOTIFY_SOCKET`, `WATCHDOG_USEC` and `WATCHDOG_PID` for the current process.
    public init(environment: [String: String]) {
        self.init(environment: environment, processID: getpid())
    }

    /// Reads the environment as if this process had `processID` (`WATCHDOG_PID` is compared
    /// with it).
    public init(environment: [String: String], processID: Int32) {
        destination = environment["NOTIFY_SOCKET"].map { value in
            Result { () throws(DaemonError) in try NotifySocketAddress(value) }
        }
        watchdogInterval = Self.watchdogInterval(environment: environment, processID: processID)
    }

    /// Whether systemd is listening (`NOTIFY_SOCKET` is set).
    public var isEnabled: Bool { destination != nil }

    /// Start-up is complete (`READY=1`); also ends a reload announced by ``reloading(status:)``.
    public func ready(status: String? = nil) throws(DaemonError) {
        try send(["READY=1"], status: status)
    }

    /// A line for `systemctl status` (`STATUS=…`).
    public func status(_ text: String) throws(DaemonError) {
        try send([], status: text)
    }

    /// The daemon is alive (`WATCHDOG=1`); send it every ``watchdogInterval``.
    public func watchdog() throws(DaemonError) {
        try send(["WATCHDOG=1"], status: nil)
    }

    /// A reload began (`RELOADING=1`); call ``ready(status:)`` when it is done. Carries
    /// `MONOTONIC_USEC`, which `Type=notify-reload` (systemd 253+) needs to tell this reload
    /// from an earlier one and older versions ignore.
    public func reloading(status: String? = nil) throws(DaemonError) {
        try send(["RELOADING=1", "MONOTONIC_USEC=\(Self.monotonicMicroseconds())"], status: status)
    }

    /// Shutdown began (`STOPPING=1`).
    public func stopping(status: String? = nil) throws(DaemonError) {
        try send(["STOPPING=1"], status: status)
    }

    /// Asks for more time to start or stop than `TimeoutStartSec=`/`TimeoutStopSec=` allow
    /// (`EXTEND_TIMEOUT_USEC=…`), e.g. while replaying a long log tail after a crash.
    public func extendTimeout(by duration: Duration) throws(DaemonError) {
        try send(["EXTEND_TIMEOUT_USEC=\(Self.microseconds(duration))"], status: nil)
    }

    private func send(_ assignments: [String], status: String?) throws(DaemonError) {
        guard let destination else { return }
        let address = try destination.get()
        var lines = assignments
        if let status { lines.append("STATUS=" + Self.singleLine(status)) }
        try NotifyDatagram.send(Array(lines.joined(separator: "\n").utf8), to: address)
    }

    /// systemd reads one assignment per line and stops at a NUL, so a status holding either
    /// (a file name from the drop folder, say) would cut or forge assignments.
    static func singleLine(_ text: String) -> String {
        String(text.unicodeScalars.map { $0 == "\n" || $0 == "\r" || $0 == "\0" ? " " : Character($0) })
    }

    static func monotonicMicroseconds() -> UInt64 {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        return UInt64(now.tv_sec) * 1_000_000 + UInt64(now.tv_nsec) / 1_000
    }

    static func microseconds(_ duration: Duration) -> UInt64 {
        let (seconds, attoseconds) = duration.components
        guard seconds >= 0 else { return 0 }
        return UInt64(seconds) * 1_000_000 + UInt64(attoseconds / 1_000_000_000_000)
    }
}
