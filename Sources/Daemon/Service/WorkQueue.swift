import Foundation

/// A queue between the async world (the watcher's event stream) and the ingest thread,
/// which blocks on it with a timeout so it can send watchdog pings while idle.
final class WorkQueue<Element: Sendable>: @unchecked Sendable {
    // @unchecked: `items` and `closed` are only touched with `condition` locked.
    private let condition = NSCondition()
    private var items: [Element] = []
    private var head = 0

    func push(_ item: Element) {
        condition.lock()
        items.append(item)
        condition.unlock()
        condition.signal()
    }

    /// The next item, waiting up to `timeout`; nil if none came.
    func next(timeout: Duration) -> Element? {
        condition.lock()
        defer { condition.unlock() }
        if head == items.count, timeout > .zero {
            let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
            let deadline = Date().addingTimeInterval(seconds)
            while head == items.count, condition.wait(until: deadline) {}
        }
        guard head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head > 1024, head * 2 > items.count {
            items.removeFirst(head)
            head = 0
        }
        return item
    }

    var count: Int {
        condition.lock()
        defer { condition.unlock() }
        return items.count - head
    }
}
