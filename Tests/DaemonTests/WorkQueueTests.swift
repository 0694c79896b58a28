@testable import Daemon
import Foundation
import Testing

/// The queue between the watcher and the ingest thread: what is pushed ahead (the other
/// hosts' records) goes before the files already waiting, and everything keeps its order
/// within its lane.
@Suite struct WorkQueueTests {
    @Test("items pushed ahead come before the ordinary ones queued earlier, each lane in its own order")
    func aheadFirst() {
        let queue = WorkQueue<Int>()
        for file in 1...3000 { queue.push(file) }
        _ = queue.next(timeout: .zero)
        queue.push(-1, ahead: true)
        queue.push(-2, ahead: true)
        #expect(queue.count == 3001)
        var taken: [Int] = []
        while let item = queue.next(timeout: .zero) {
            taken.append(item)
            // One more pushed ahead halfway through still goes first.
            if item == 1500 { queue.push(-3, ahead: true) }
        }
        #expect(taken.prefix(3) == [-1, -2, 2])
        #expect(taken.filter { $0 < 0 } == [-1, -2, -3])
        #expect(taken.firstIndex(of: 1500).map { taken[$0 + 1] } == -3)
        #expect(taken.filter { $0 > 0 } == Array(2...3000))
        #expect(queue.count == 0)
    }

    @Test("a wait ends when an item is pushed ahead")
    func wakesForAhead() async {
        let queue = WorkQueue<Int>()
        async let taken = onThread { queue.next(timeout: .seconds(60)) }
        try? await Task.sleep(for: .milliseconds(50))
        queue.push(7, ahead: true)
        #expect(await taken == 7)
    }
}

/// Runs `body` on a thread of its own, off the cooperative pool, as the ingest loop's is.
private func onThread<Value: Sendable>(_ body: @escaping @Sendable () -> Value) async -> Value {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread { continuation.resume(returning: body()) }
    }
}
