import Testing
@testable import Watcher

@Suite("OverflowBackoff")
struct OverflowBackoffTests {
    let start = ContinuousClock.now
    let settings = WatcherConfiguration.OverflowBackoff(initial: .seconds(1), maximum: .seconds(4), quietPeriod: .seconds(60))

    @Test("The first overflow rescans at once; the next ones inside the window wait for it")
    func windows() {
        var backoff = OverflowBackoff(settings)
        #expect(backoff.overflowed(at: start) == .rescanNow)
        backoff.rescanned(at: start)

        let inWindow = start + .milliseconds(500)
        #expect(backoff.overflowed(at: inWindow) == .rescanAt(start + .seconds(1)))
        #expect(backoff.overflowed(at: inWindow + .milliseconds(100)) == .rescanAt(start + .seconds(1)))
        #expect(!backoff.isDue(at: inWindow))
        #expect(backoff.isDue(at: start + .seconds(1)))
    }

    @Test("The window doubles up to the maximum while overflows keep coming")
    func doubling() {
        var backoff = OverflowBackoff(settings)
        var now = start
        var windows: [Duration] = []
        _ = backoff.overflowed(at: now)
        backoff.rescanned(at: now)
        for _ in 0..<4 {
            now = now + .milliseconds(10)
            guard case .rescanAt(let due) = backoff.overflowed(at: now) else {
                Issue.record("expected a deferred rescan")
                return
            }
            windows.append(due - now + .milliseconds(10))
            now = due
            backoff.rescanned(at: now)
        }
        #expect(windows == [.seconds(1), .seconds(2), .seconds(4), .seconds(4)])
    }

    @Test("After a quiet period the window falls back to its initial length")
    func reset() {
        var backoff = OverflowBackoff(settings)
        for step in 0..<4 {
            let now = start + .seconds(step * 10)
            if backoff.overflowed(at: now) == .rescanNow { backoff.rescanned(at: now) }
        }
        let later = start + .seconds(200)
        #expect(backoff.overflowed(at: later) == .rescanNow)
        backoff.rescanned(at: later)
        #expect(backoff.overflowed(at: later + .milliseconds(1)) == .rescanAt(later + .seconds(1)))
    }
}
