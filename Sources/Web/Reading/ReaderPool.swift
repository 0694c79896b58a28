import Foundation
import Synchronization

/// A few threads of their own that answer requests: SQLite and the log's files are
/// blocking calls, which must not run on the cooperative pool (two cores here). Each
/// thread owns one `LedgerReading`; a request's work (the query and the page built from
/// it) runs whole on one of them, and its result goes back to the awaiting task.
final class ReaderPool: Sendable {
    typealias Job = @Sendable (LedgerReading) -> Void

    private struct Queue {
        var jobs: [Job] = []
        var head = 0
        var stopped = false
    }

    private let queue = Mutex(Queue())
    private let ready = DispatchSemaphore(value: 0)
    let threads: Int

    /// Opens one reading per thread here, on the caller's thread, so a store that cannot
    /// be opened fails the start rather than a request.
    init(threads: Int, open: () throws(WebError) -> LedgerReading) throws(WebError) {
        self.threads = max(1, threads)
        for number in 0..<self.threads {
            let reading = Handover(try open())
            let thread = Thread { [self] in
                if let reading = reading.take() { work(reading) }
            }
            thread.name = "claimwatch-web-reader-\(number)"
            thread.start()
        }
    }

    /// Runs `body` on a reader thread and returns what it returns.
    func read<Answer: Sendable>(_ body: @escaping @Sendable (LedgerReading) throws(WebError) -> Answer) async throws(WebError) -> Answer {
        let result: Result<Answer, WebError> = await withCheckedContinuation { continuation in
            let accepted = queue.withLock { queue -> Bool in
                guard !queue.stopped else { return false }
                queue.jobs.append { reading in
                    continuation.resume(returning: Result { () throws(WebError) in try body(reading) })
                }
                return true
            }
            if accepted {
                ready.signal()
            } else {
                continuation.resume(returning: .failure(.server("the server is stopping")))
            }
        }
        return try result.get()
    }

    /// Lets the threads finish the jobs queued, then end.
    func stop() {
        queue.withLock { $0.stopped = true }
        for _ in 0..<threads { ready.signal() }
    }

    private func work(_ reading: LedgerReading) {
        while true {
            ready.wait()
            let job = queue.withLock { queue -> Job? in
                guard queue.head < queue.jobs.count else { return nil }
                let job = queue.jobs[queue.head]
                queue.head += 1
                if queue.head > 64, queue.head * 2 > queue.jobs.count {
                    queue.jobs.removeFirst(queue.head)
                    queue.head = 0
                }
                return job
            }
            guard let job else {
                if queue.withLock({ $0.stopped }) { return }
                continue
            }
            job(reading)
        }
    }
}

/// Hands a value that is not `Sendable` to the one thread that will use it.
final class Handover<Value>: @unchecked Sendable {
    // @unchecked: the value is written once here and taken once, by the thread it was made
    // for, before anything else can reach it; the creating thread drops its reference.
    private var value: Value?

    init(_ value: Value) {
        self.value = value
    }

    func take() -> Value? {
        defer { value = nil }
        return value
    }
}
