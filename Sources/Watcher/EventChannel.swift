import Dispatch
import Synchronization

/// A bounded hand-off from the watcher thread to one async consumer.
///
/// When the consumer falls behind, `send` blocks the watcher thread instead of growing a
/// buffer without limit: events then wait in the kernel's inotify queue, and if that
/// overflows the watcher rescans. Memory stays bounded and nothing is lost for good.
final class EventChannel: Sendable {
    private struct State {
        var buffer: [WatchEvent] = []
        var head = 0
        var consumer: CheckedContinuation<WatchEvent?, Never>?
        /// No more sends (stop was requested); buffered events can still be read.
        var closed = false
        /// The watcher thread is gone; the consumer sees the end once the buffer is empty.
        var finished = false
        /// The consuming task was cancelled; nobody reads any more.
        var abandoned = false
        var producerWaiting = false

        var count: Int { buffer.count - head }

        mutating func popFirst() -> WatchEvent? {
            guard head < buffer.count else { return nil }
            let event = buffer[head]
            head += 1
            if head >= 64, head * 2 >= buffer.count {
                buffer.removeFirst(head)
                head = 0
            }
            return event
        }

        mutating func takeProducerWaiting() -> Bool {
            defer { producerWaiting = false }
            return producerWaiting
        }
    }

    private enum SendStep {
        case deliver(CheckedContinuation<WatchEvent?, Never>)
        case queued
        case refused
        case wait
    }

    private enum NextStep {
        case event(WatchEvent, wakeProducer: Bool)
        case end
        case wait
    }

    private let state = Mutex(State())
    private let space = DispatchSemaphore(value: 0)
    private let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    /// Hands an event on, blocking while the buffer is full. Returns `false` once nobody
    /// wants events any more: the watcher thread then winds down. Watcher thread only.
    func send(_ event: WatchEvent) -> Bool {
        while true {
            let step: SendStep = state.withLock { state in
                if state.closed || state.abandoned { return .refused }
                if let consumer = state.consumer {
                    state.consumer = nil
                    return .deliver(consumer)
                }
                if state.count < capacity {
                    state.buffer.append(event)
                    return .queued
                }
                state.producerWaiting = true
                return .wait
            }
            switch step {
            case .deliver(let consumer):
                consumer.resume(returning: event)
                return true
            case .queued:
                return true
            case .refused:
                return false
            case .wait:
                space.wait()
            }
        }
    }

    /// The next event, or `nil` at the end. One consumer at a time.
    func next() async -> WatchEvent? {
        await withCheckedContinuation { (continuation: CheckedContinuation<WatchEvent?, Never>) in
            let step: NextStep = state.withLock { state in
                if let event = state.popFirst() {
                    return .event(event, wakeProducer: state.takeProducerWaiting())
                }
                if state.finished || state.abandoned { return .end }
                state.consumer = continuation
                return .wait
            }
            switch step {
            case .event(let event, let wakeProducer):
                if wakeProducer { space.signal() }
                continuation.resume(returning: event)
            case .end:
                continuation.resume(returning: nil)
            case .wait:
                break
            }
        }
    }

    /// Refuses further sends and frees a blocked sender; the consumer still reads the buffer.
    func close() {
        let wakeProducer = state.withLock { state in
            state.closed = true
            return state.takeProducerWaiting()
        }
        if wakeProducer { space.signal() }
    }

    /// The consuming task was cancelled: end its wait and refuse further sends.
    func abandon() {
        let (consumer, wakeProducer) = state.withLock { state in
            state.abandoned = true
            defer { state.consumer = nil }
            return (state.consumer, state.takeProducerWaiting())
        }
        consumer?.resume(returning: nil)
        if wakeProducer { space.signal() }
    }

    /// The watcher thread is done; the consumer sees the end after the buffered events.
    func finish() {
        let consumer = state.withLock { state in
            state.finished = true
            state.closed = true
            defer { state.consumer = nil }
            return state.consumer
        }
        consumer?.resume(returning: nil)
    }
}
