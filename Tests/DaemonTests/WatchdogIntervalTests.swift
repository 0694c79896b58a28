import Daemon
import Testing

@Suite struct WatchdogIntervalTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let environment: [String: String]
        let expected: Duration?
        var testDescription: String { "\(environment) → \(expected.map { "\($0)" } ?? "nil")" }
    }

    static let ourPID: Int32 = 4242

    static let cases: [Case] = [
        Case(environment: ["WATCHDOG_USEC": "30000000"], expected: .seconds(15)),
        Case(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "4242"], expected: .seconds(15)),
        Case(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "1"], expected: nil),
        Case(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "not-a-pid"], expected: nil),
        Case(environment: ["WATCHDOG_USEC": "30000000", "WATCHDOG_PID": ""], expected: nil),
        Case(environment: ["WATCHDOG_USEC": "3"], expected: .nanoseconds(1500)),
        Case(environment: ["WATCHDOG_USEC": "0"], expected: nil),
        Case(environment: ["WATCHDOG_USEC": "-30000000"], expected: nil),
        Case(environment: ["WATCHDOG_USEC": "30s"], expected: nil),
        Case(environment: ["WATCHDOG_USEC": ""], expected: nil),
        Case(environment: ["WATCHDOG_PID": "4242"], expected: nil),
        Case(environment: [:], expected: nil),
    ]

    @Test("The watchdog interval is half of WATCHDOG_USEC, only when meant for this process", arguments: cases)
    func interval(_ example: Case) {
        let notifier = SystemdNotifier(environment: example.environment, processID: Self.ourPID)
        #expect(notifier.watchdogInterval == example.expected)
    }
}
