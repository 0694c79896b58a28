import Foundation

/// A queue between the async world (the watcher's event stream) and the ingest thread,
/// which blocks on it with a timeout so it can send watchdog pings while idle.
///
/// Items pushed `ahead` are taken before every ordinary one, in their own order: the other
/// hosts' records in the cluster mode. Behind a burst's thousands of queued files they were
/// applied only once the burst was through, so until then every original of another host
/// that shared band keys with a new file was learned through its reservation instead, the
/// file judged again and reserved again (two originals in five, in a two-host burst).
final class WorkQueue<Element: Sendable>: @unchecked Sendable {
    // @unchecked: `items`, `head` and `urgent` are only touched with `condition` locked.
    private let condition = NSCondition()
    private var items: [Element] = []
    private var head = 0
    /// The items pushed ahead, oldest first; few at a time, so taking the first is cheap.
    private var urgent: [Element] = []

    func push(_ item: Element, ahead: Bool = false) {
        condition.lock()
        if ahead {
            urgent.append(item)
        } else {
            items.append(item)
        }
        condition.unlock()
        condition.signal()
    }

    /// The next item, waiting up to `timeout`; nil if none came.
    func next(timeout: Duration) -> Element? {
        condition.lock()
        defer { condition.unlock() }
        if isEmpty, timeout > .zero {
            let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
            let deadline = Date().addingTimeInterval(seconds)
            while isEmpty, condition.wait(until: deadline) {}
        }
        if !urgent.isEmpty { return urgent.removeFirst() }
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
        return items.count - head + urgent.count
    }

    /// With `condition` locked.
    private var isEmpty: Bool { head == items.count && urgent.isEmpty }
}
