import Synchronization

/// One message of the live stream, as Server-Sent Events frame it.
struct LiveMessage: Sendable, Equatable {
    /// The log seq of the record it carries, so a client knows where it is.
    var id: UInt64?
    var event: String
    /// One line of JSON (it holds no newline: the log's records never do).
    var data: [UInt8]

    /// A comment, which clients ignore: it only shows the connection is alive.
    static let keepAlive = LiveMessage(id: nil, event: "", data: [])

    /// `id: …\nevent: …\ndata: …\n\n` (a keep-alive is `: keep-alive\n\n`).
    var framed: [UInt8] {
        if event.isEmpty { return Array(": keep-alive\n\n".utf8) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(data.count + event.utf8.count + 32)
        if let id { bytes += Array("id: \(id)\n".utf8) }
        bytes += Array("event: \(event)\ndata: ".utf8)
        bytes += data
        bytes += [0x0A, 0x0A]
        return bytes
    }
}

/// Hands what the log watch publishes to every live client. Each client has a bounded
/// buffer: one that stops reading loses the oldest messages, never holds the server's
/// memory hostage.
final class LiveFeed: Sendable {
    private struct Subscribers {
        var next = 0
        var continuations: [Int: AsyncStream<LiveMessage>.Continuation] = [:]
        var finished = false
    }

    private let subscribers = Mutex(Subscribers())
    /// Messages kept for a client that reads slowly.
    static let buffered = 1000

    func subscribe() -> AsyncStream<LiveMessage> {
        let (stream, continuation) = AsyncStream<LiveMessage>.makeStream(bufferingPolicy: .bufferingNewest(Self.buffered))
        let id = subscribers.withLock { state -> Int? in
            guard !state.finished else { return nil }
            state.next += 1
            state.continuations[state.next] = continuation
            return state.next
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { _ = $0.continuations.removeValue(forKey: id) }
        }
        return stream
    }

    func publish(_ messages: [LiveMessage]) {
        guard !messages.isEmpty else { return }
        let targets = subscribers.withLock { Array($0.continuations.values) }
        for continuation in targets {
            for message in messages { continuation.yield(message) }
        }
    }

    var listeners: Int { subscribers.withLock { $0.continuations.count } }

    /// Ends every stream, and any opened later.
    func finish() {
        let targets = subscribers.withLock { state -> [AsyncStream<LiveMessage>.Continuation] in
            state.finished = true
            defer { state.continuations.removeAll() }
            return Array(state.continuations.values)
        }
        for continuation in targets { continuation.finish() }
    }
}
