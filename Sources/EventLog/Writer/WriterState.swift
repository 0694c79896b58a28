import struct Foundation.Date

/// The writer's shared state, always used with the writer's condition locked.
struct WriterState {
    struct Waiter {
        let seq: UInt64
        let continuation: CheckedContinuation<Result<Void, EventLogError>, Never>
    }

    /// Records taken by the flusher in one go.
    struct Batch {
        var bytes: [UInt8]
        var firstSeq: UInt64
        /// Where each record ends in `bytes`.
        var recordEnds: [Int]
        var lastSeq: UInt64 { firstSeq + UInt64(recordEnds.count) - 1 }
    }

    var nextSeq: UInt64
    var durableSeq: UInt64
    var pending = JSONOutput(capacity: 1 << 16)
    var clock = TimestampCache()
    var pendingEnds: [Int] = []
    var waiters: [Waiter] = []
    var closing = false
    /// The flusher is asleep waiting for records and must be signalled.
    var flusherIdle = false
    /// Set after a failed `fdatasync`: nothing more is accepted.
    var poisoned: EventLogError?
    /// Counts rolled-back batches, so a blocking `flush` can tell its records were refused
    /// even though their `seq`s are handed out again.
    var rollbacks = 0
    var lastRollback: EventLogError?
    /// For each rollback, in order, the last `seq` that was durable when it happened.
    var rollbackFloors: [UInt64] = []

    init(nextSeq: UInt64) {
        self.nextSeq = nextSeq
        durableSeq = nextSeq - 1
    }

    func admit() throws(EventLogError) {
        if let poisoned { throw poisoned }
        if closing { throw .closed }
    }

    mutating func add(_ payload: some EventPayload, time: Date) throws(EventLogError) -> UInt64 {
        let seq = nextSeq
        try RecordFormat.append(seq: seq, time: time, payload: payload, to: &pending, clock: &clock)
        pendingEnds.append(pending.bytes.count)
        nextSeq += 1
        return seq
    }

    mutating func takeBatch() -> Batch {
        let firstSeq = nextSeq - UInt64(pendingEnds.count)
        let batch = Batch(bytes: pending.bytes, firstSeq: firstSeq, recordEnds: pendingEnds)
        pending = JSONOutput(capacity: max(1 << 16, batch.bytes.count))
        pendingEnds = []
        return batch
    }

    /// The settled outcome for `seq`, or nil while it is still on its way.
    func outcome(for seq: UInt64) -> Result<Void, EventLogError>? {
        if seq <= durableSeq { return .success(()) }
        if let poisoned { return .failure(poisoned) }
        return nil
    }

    /// Applies what the flusher did and returns the waiters to wake with their outcome.
    mutating func settle(batch: Batch, result: SegmentFlusher.Outcome) -> [(Waiter, Result<Void, EventLogError>)] {
        switch result {
        case .written:
            let durable = batch.lastSeq
            durableSeq = durable
            return release { $0 <= durable ? .success(()) : nil }
        case let .rolledBack(durable, error):
            durableSeq = durable
            // Everything after `durable`, queued since or not, is refused: its seqs are reused.
            pending.bytes.removeAll(keepingCapacity: true)
            pendingEnds = []
            nextSeq = durable + 1
            rollbacks += 1
            rollbackFloors.append(durable)
            lastRollback = error
            return release { $0 <= durable ? .success(()) : .failure(error) }
        case let .failed(durable, error):
            durableSeq = durable
            poisoned = .writerFailed(error.description)
            pending.bytes.removeAll(keepingCapacity: true)
            pendingEnds = []
            return release { $0 <= durable ? .success(()) : .failure(error) }
        }
    }

    /// Hands over every waiter still waiting, for the caller to answer.
    mutating func takeWaiters() -> [Waiter] {
        defer { waiters = [] }
        return waiters
    }

    private mutating func release(
        _ decide: (UInt64) -> Result<Void, EventLogError>?
    ) -> [(Waiter, Result<Void, EventLogError>)] {
        var woken: [(Waiter, Result<Void, EventLogError>)] = []
        var waiting: [Waiter] = []
        for waiter in waiters {
            if let outcome = decide(waiter.seq) { woken.append((waiter, outcome)) } else { waiting.append(waiter) }
        }
        waiters = waiting
        return woken
    }
}

