import Logging
import Synchronization
import Testing
@testable import Watcher

/// A started watcher whose events a background task records, so tests can wait for what they
/// expect. Waits have generous limits that only guard against hanging; no test asserts on time.
/// The limit is minutes, not seconds: with the whole suite building and running on two busy
/// cores a test can stall for over a minute, and a guard that fires then reports a failure
/// the watcher did not have. A wait that succeeds returns as soon as its condition holds.
final class RunningWatcher: Sendable {
    let watcher: DropFolderWatcher
    private let recorded = Mutex<[WatchEvent]>([])
    private let ended = Mutex(false)
    private let consumer = Mutex<Task<Void, Never>?>(nil)

    init(_ configuration: WatcherConfiguration) {
        watcher = DropFolderWatcher(configuration: configuration, logger: Logger(label: "claimwatch.watcher.tests"))
    }

    static func start(_ configuration: WatcherConfiguration) async throws -> RunningWatcher {
        let running = RunningWatcher(configuration)
        let events = try await running.watcher.start()
        running.consumer.withLock { consumer in
            consumer = Task { [running] in
                for await event in events { running.recorded.withLock { $0.append(event) } }
                running.ended.withLock { $0 = true }
            }
        }
        return running
    }

    var events: [WatchEvent] { recorded.withLock { $0 } }
    var hasEnded: Bool { ended.withLock { $0 } }

    /// The `.file` events so far, as (relative path, trigger).
    var files: [(path: String, trigger: DroppedFile.Trigger)] {
        events.compactMap { event in
            guard case .file(let file) = event else { return nil }
            return ("\(file.relativePath)", file.trigger)
        }
    }

    func files(named name: String) -> [DroppedFile.Trigger] {
        files.filter { $0.path == name }.map(\.trigger)
    }

    /// Waits until `condition` holds for the recorded events; `false` if it never did.
    @discardableResult
    func wait(
        upTo limit: Duration = .seconds(180),
        until condition: ([WatchEvent]) -> Bool
    ) async -> Bool {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if condition(events) { return true }
            try? await Task.sleep(for: .milliseconds(20))
        }
        return condition(events)
    }

    /// Waits for the startup scan to finish, so later writes are seen by inotify alone.
    func waitUntilCaughtUp() async -> Bool {
        await wait { $0.contains { $0.finishedScan == .startup } }
    }

    func waitForFile(_ name: String) async -> Bool {
        await wait { _ in !files(named: name).isEmpty }
    }

    /// Stops the watcher and waits (with a guard) for the stream to finish.
    func stop() async -> Bool {
        watcher.stop()
        let finished = await wait { _ in hasEnded }
        if finished { await consumer.withLock { $0 }?.value }
        return finished
    }
}

extension WatchEvent {
    var finishedScan: RescanReason? {
        if case .rescanned(let reason, _) = self { return reason }
        return nil
    }
}
