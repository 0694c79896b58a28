extension SystemdNotifier {
    /// Half of `WATCHDOG_USEC`, or `nil` when the watchdog is off, the value is not a positive
    /// number of microseconds, or `WATCHDOG_PID` names another process (the variables were
    /// inherited from a parent that systemd watches, and pinging for it would be a lie).
    static func watchdogInterval(environment: [String: String], processID: Int32) -> Duration? {
        guard let text = environment["WATCHDOG_USEC"], let microseconds = UInt64(text),
            microseconds > 0
        else { return nil }
        if let owner = environment["WATCHDOG_PID"] {
            guard let pid = Int32(owner), pid == processID else { return nil }
        }
        return .microseconds(Int64(clamping: microseconds)) / 2
    }
}
