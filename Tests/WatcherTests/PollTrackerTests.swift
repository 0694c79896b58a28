import Testing
@testable import Watcher

@Suite("PollTracker")
struct PollTrackerTests {
    func signature(size: Int64, inode: UInt64 = 7) -> FileSignature {
        FileSignature(identity: FileIdentity(device: 1, inode: inode), size: size, modifiedSeconds: size, modifiedNanoseconds: 0)
    }

    @Test("A new file is reported once it looks the same in two passes, and only once")
    func settles() {
        var tracker = PollTracker()
        let path = Array("a.json".utf8)
        var reports: [Bool] = []
        for size in [10, 20, 20, 20] as [Int64] {
            tracker.beginPass()
            reports.append(tracker.observe(path, signature(size: size)))
            tracker.endPass()
        }
        #expect(reports == [false, false, true, false])
    }

    @Test("A changed file is reported again after it settles; a deleted one is forgotten")
    func changesAndDeletes() {
        var tracker = PollTracker()
        let path = Array("a.json".utf8)
        tracker.beginPass()
        tracker.recordReported(path, signature(size: 5))
        tracker.endPass()
        var reports: [Bool] = []
        for size in [5, 9, 9] as [Int64] {
            tracker.beginPass()
            reports.append(tracker.observe(path, signature(size: size)))
            tracker.endPass()
        }
        tracker.beginPass()
        tracker.endPass()
        for _ in 0..<2 {
            tracker.beginPass()
            reports.append(tracker.observe(path, signature(size: 9)))
            tracker.endPass()
        }
        #expect(reports == [false, false, true, false, true])
    }
}
