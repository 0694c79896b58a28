import Dispatch
import NIOCore
import PostgresNIO
import Synchronization

/// Runs the shared database's async work for a caller on a thread of its own (the
/// daemon's pipeline thread), which waits for the answer; it must never be a thread of the
/// cooperative pool or of the bridge's event loop. A wait that outlasts `timeout` gives up
/// (the work is cancelled and its answer, if it comes, dropped).
///
/// The work runs on one of the driver's event loops (`loop`), never on the cooperative
/// pool: a process whose pool threads are all blocked (a test runner's synchronous tests
/// polling their subprocesses, at a load of 30) once starved a reservation past its
/// timeout. Its connections are opened on the same loop, so the driver's answers reach the
/// work without changing threads.
enum BlockingBridge {
    /// The event loop the work runs on, and where the connections it uses are opened.
    static let loop: any EventLoop = PostgresConnection.defaultEventLoopGroup.next()
    static let executor = EventLoopTaskExecutor(loop)

    static func wait<Value: Sendable>(
        timeout: Duration,
        _ body: @escaping @Sendable () async throws(ClusterStoreError) -> Value
    ) -> Result<Value, ClusterStoreError> {
        let answer = Mutex<Result<Value, ClusterStoreError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let task = Task.detached(executorPreference: executor) {
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

    /// Runs `body` on the bridge's loop without waiting for it (closing a connection the
    /// work used).
    static func detach(_ body: @escaping @Sendable () async -> Void) {
        Task.detached(executorPreference: executor) { await body() }
    }
}
