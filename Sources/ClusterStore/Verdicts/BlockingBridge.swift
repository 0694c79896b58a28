import Dispatch
import Synchronization

/// Runs the shared database's async work for a caller on a thread of its own (the
/// daemon's pipeline thread), which waits for the answer. The work runs as a detached
/// task and the driver's I/O on its event loop, so the waiting thread holds up neither;
/// it must never be a thread of the cooperative pool or an event loop, which the work
/// itself needs. A wait that outlasts `timeout` gives up (the work is cancelled and its
/// answer, if it comes, dropped).
enum BlockingBridge {
    static func wait<Value: Sendable>(
        timeout: Duration,
        _ body: @escaping @Sendable () async throws(ClusterStoreError) -> Value
    ) -> Result<Value, ClusterStoreError> {
        let answer = Mutex<Result<Value, ClusterStoreError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let task = Task.detached {
            let result: Result<Value, ClusterStoreError>
            do throws(ClusterStoreError) {
                result = .success(try await body())
            } catch {
                result = .failure(error)
            }
            answer.withLock { $0 = result }
            done.signal()
        }
        let seconds = Double(timeout.components.seconds) + Double(timeout.components.attoseconds) / 1e18
        guard done.wait(timeout: .now() + seconds) == .success else {
            task.cancel()
            return .failure(.unreachable("no answer within \(timeout)"))
        }
        return answer.withLock { $0 } ?? .failure(.unexpected("the work ended without an answer"))
    }
}
