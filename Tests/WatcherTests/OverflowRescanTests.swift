import Logging
import Testing
@testable import Watcher

/// A real queue overflow needs the kernel's queue (16384 events) filled faster than it is
/// read, which a test cannot do reliably; so the overflow event is handed to the loop directly.
@Suite("Queue overflow handling")
struct OverflowRescanTests {
    @Test("An overflow rescans the folder at once; another inside the back-off window only schedules one")
    func overflowRescans() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try Files.write(Files.path(folder.drop, "kept.json"))
        let control = WatcherControl(channel: EventChannel(capacity: 64), wakeFile: Files.path(folder.wake, ".wake"), logger: Logger(label: "overflow"))
        let loop = WatchLoop(configuration: folder.configuration(), control: control, logger: Logger(label: "overflow"))
        loop.deferredNotices = nil
        let overflow = InotifyEvent(watch: -1, mask: InotifySession.overflow, name: [])

        _ = loop.handle(overflow)
        _ = loop.handle(overflow)
        control.channel.finish()

        var events: [WatchEvent] = []
        while let event = await control.channel.next() { events.append(event) }
        #expect(events.count == 4)
        #expect(events.first == .notice(.queueOverflowed(rescanDelay: .zero)))
        #expect(events.dropFirst().first?.file?.trigger == .scan(.overflow))
        #expect(events.dropFirst(2).first == .rescanned(reason: .overflow, filesFound: 1))
        guard case .notice(.queueOverflowed(let delay)) = events.last else {
            Issue.record("expected a deferred rescan notice, got \(String(describing: events.last))")
            return
        }
        #expect(delay > .zero)
    }
}
