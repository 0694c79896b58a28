import Synchronization

/// Wakes the one task waiting on it, from any thread; a ring while nobody waits is kept
/// for the next wait, so a wake-up between two waits is never lost.
final class Doorbell: Sendable {
    private struct State {
        var rung = false
        var waiter: CheckedContinuation<Void, Never>?
        /// Tells a timer whose wait already ended from the current one.
        var generation = 0
    }

    private let state = Mutex(State())

    func ring() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.rung = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Returns at the next ring (or at once for one kept), after `timeout`, or when the
    /// task is cancelled.
    func wait(timeout: Duration) async {
        var timer: Task<Void, Never>?
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let generation = state.withLock { state -> Int? in
                    if state.rung {
                        state.rung = false
                        return nil
                    }
                    state.waiter = continuation
                    state.generation += 1
                    return state.generation
                }
                guard let generation else { return continuation.resume() }
                timer = Task { [self] in
                    try? await Task.sleep(for: timeout)
                    expire(generation)
                }
            }
        } onCancel: {
            ring()
        }
        // A ring that raced the timer is kept: the next wait then returns at once, and a
        // spare look costs nothing.
        timer?.cancel()
    }

    private func expire(_ generation: Int) {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard state.generation == generation, let waiter = state.waiter else { return nil }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }
}
