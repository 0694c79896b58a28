import Foundation

/// The one writer of a log. Records get their `seq` and `time` when they are enqueued;
/// a dedicated thread writes whatever has accumulated in one `write` and one
/// `fdatasync` (group commit), then wakes everyone whose records that made durable.
///
/// A failed `write` is rolled back (the segment is cut back to where the batch began,
/// and the batch's records are refused, so their `seq`s are reused); the writer stays
/// usable, which is what lets a daemon ride out a full disk. A failed `fdatasync` leaves
/// the page cache in an unknown state, so the writer refuses everything after it until
/// it is opened again.
public final class EventLogWriter: @unchecked Sendable {
    // @unchecked: every stored property below `condition` is read and written only with
    // `condition` locked; the segment file belongs to the flusher thread alone.
    private let condition = NSCondition()
    private var state: WriterState
    private let configuration: EventLogConfiguration
    private let lock: WriterLock
    private let flusherExited = DispatchSemaphore(value: 0)

    /// What opening found at the end of the log, and what it repaired.
    public let recovery: TailRecovery

    /// Opens the log for appending: takes the lock, checks and repairs the tail, and
    /// starts the flusher thread.
    public init(configuration: EventLogConfiguration) throws(EventLogError) {
        self.configuration = configuration
        try LogFile.makeDirectory(configuration.directory)
        lock = try WriterLock(directory: configuration.directory)
        recovery = try TailRecovery.recover(directory: configuration.directory)
        state = WriterState(nextSeq: recovery.nextSeq)
        let flusher = try SegmentFlusher(
            directory: configuration.directory, segment: recovery.segment, size: recovery.size,
            segmentBytes: configuration.segmentBytes, diskFullWhileExists: configuration.diskFullWhileExists)
        let thread = Thread { [self] in self.runFlusher(flusher) }
        thread.name = "claimwatch-log-writer"
        thread.start()
    }

    /// The `seq` the next record will get.
    public var nextSeq: UInt64 { withState { $0.nextSeq } }

    /// Every record up to this `seq` is on disk.
    public var durableSeq: UInt64 { withState { $0.durableSeq } }

    // MARK: Appending

    /// Appends one event and returns its `seq` once it is durable.
    @discardableResult
    public func append(_ payload: some EventPayload) async throws(EventLogError) -> UInt64 {
        let seq = try enqueue(payload)
        try await waitUntilDurable(seq)
        return seq
    }

    /// Appends events with consecutive `seq`s and returns once all are durable.
    @discardableResult
    public func append(_ payloads: [any EventPayload]) async throws(EventLogError) -> ClosedRange<UInt64>? {
        guard let range = try enqueue(payloads) else { return nil }
        try await waitUntilDurable(range.upperBound)
        return range
    }

    /// Assigns a `seq` and queues the record; it is durable once `waitUntilDurable` or
    /// `flush` says so.
    public func enqueue(_ payload: some EventPayload) throws(EventLogError) -> UInt64 {
        // Encoding happens under the lock, straight into the pending batch: one writer
        // serializes records anyway, and this spares a copy and an allocation per record.
        let (seq, wake) = try withState { state throws(EventLogError) in
            try state.admit()
            return (try state.add(payload, time: configuration.now()), state.flusherIdle)
        }
        // Waking a flusher that is busy writing costs a futex call per record for nothing:
        // it looks for more work before it sleeps anyway.
        if wake { condition.signal() }
        return seq
    }

    /// Queues several records with consecutive `seq`s.
    public func enqueue(_ payloads: [any EventPayload]) throws(EventLogError) -> ClosedRange<UInt64>? {
        try enqueueWithReceipt(payloads)?.seqs
    }

    /// Queues several records with consecutive `seq`s and returns a receipt that tells,
    /// later, whether they became durable or were refused. A `seq` alone cannot tell:
    /// after a rolled-back write the refused `seq`s are handed out again to new records.
    public func enqueueWithReceipt(_ payloads: [any EventPayload]) throws(EventLogError) -> Receipt? {
        guard !payloads.isEmpty else { return nil }
        let range: (Receipt, Bool) = try withState { state throws(EventLogError) in
            try state.admit()
            let time = configuration.now()
            let first = state.nextSeq
            let mark = state.pending.bytes.count
            do throws(EventLogError) {
                for payload in payloads { _ = try state.add(payload, time: time) }
            } catch {
                // All or nothing: a batch that cannot be encoded leaves no record behind.
                state.pending.bytes.removeSubrange(mark...)
                state.pendingEnds.removeLast(Int(state.nextSeq - first))
                state.nextSeq = first
                throw error
            }
            return (Receipt(seqs: first...(state.nextSeq - 1), epoch: state.rollbacks), state.flusherIdle)
        }
        if range.1 { condition.signal() }
        return range.0
    }

    /// Records queued together, and the rollback epoch they were queued in.
    public struct Receipt: Sendable, Equatable {
        public let seqs: ClosedRange<UInt64>
        let epoch: Int
    }

    public enum Fate: Sendable {
        case pending
        case durable
        /// The write failed and was rolled back, or the writer failed: they will never be.
        case refused(EventLogError)
    }

    /// Whether the records of `receipt` are on disk, still on their way, or refused.
    public func fate(of receipt: Receipt) -> Fate {
        withState { state in
            if receipt.epoch < state.rollbacks {
                // A rollback ended the epoch they were queued in: they stand only if they
                // were durable before it.
                if receipt.seqs.upperBound <= state.rollbackFloors[receipt.epoch] { return .durable }
                return .refused(state.lastRollback ?? .closed)
            }
            if receipt.seqs.upperBound <= state.durableSeq { return .durable }
            if let poisoned = state.poisoned { return .refused(poisoned) }
            return .pending
        }
    }

    /// Returns once the record `seq` is on disk, or throws why it never will be.
    public func waitUntilDurable(_ seq: UInt64) async throws(EventLogError) {
        let result: Result<Void, EventLogError> = await withCheckedContinuation { continuation in
            let immediate = withState { state -> Result<Void, EventLogError>? in
                if let outcome = state.outcome(for: seq) { return outcome }
                state.waiters.append(WriterState.Waiter(seq: seq, continuation: continuation))
                return nil
            }
            if let immediate { continuation.resume(returning: immediate) }
        }
        try result.get()
    }

    /// Blocks until everything enqueued so far is durable. For callers off the
    /// cooperative pool (benchmarks, synchronous tools).
    public func flush() throws(EventLogError) {
        condition.lock()
        defer { condition.unlock() }
        let target = state.nextSeq - 1
        let rollbacks = state.rollbacks
        while true {
            if state.rollbacks != rollbacks, let refused = state.lastRollback { throw refused }
            if let outcome = state.outcome(for: target) { return try outcome.get() }
            condition.wait()
        }
    }

    /// Writes what is queued, stops the flusher and releases the lock.
    public func close() throws(EventLogError) {
        let outcome: Result<Void, EventLogError> = {
            do throws(EventLogError) { try flush(); return .success(()) } catch { return .failure(error) }
        }()
        withState { $0.closing = true }
        condition.broadcast()
        flusherExited.wait()
        lock.release()
        try outcome.get()
    }

    // MARK: The flusher thread

    private func runFlusher(_ flusher: SegmentFlusher) {
        condition.lock()
        while true {
            while state.pendingEnds.isEmpty, !state.closing {
                state.flusherIdle = true
                condition.wait()
                state.flusherIdle = false
            }
            if state.pendingEnds.isEmpty, state.closing { break }
            let batch = state.takeBatch()
            let durableBefore = state.durableSeq
            condition.unlock()
            let result = flusher.write(batch)
            condition.lock()
            let resumed = state.settle(batch: batch, result: result)
            let durable = state.durableSeq
            condition.broadcast()
            condition.unlock()
            for (waiter, outcome) in resumed { waiter.continuation.resume(returning: outcome) }
            if durable > durableBefore { configuration.onDurable?(durable) }
            condition.lock()
        }
        let leftovers = state.takeWaiters()
        condition.unlock()
        for waiter in leftovers { waiter.continuation.resume(returning: .failure(.closed)) }
        flusherExited.signal()
    }

    private func withState<T, E: Error>(_ body: (inout WriterState) throws(E) -> T) throws(E) -> T {
        condition.lock()
        defer { condition.unlock() }
        return try body(&state)
    }
}
