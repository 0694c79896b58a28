import NIOCore

/// Runs the jobs of the tasks that prefer it on one event loop's thread: a thread of
/// SwiftNIO's own, so they go on while every thread of the cooperative pool is blocked. The
/// work is the driver's (a few rows decoded between round trips on a connection of the same
/// loop), never a blocking call, so it holds up none of the loop's I/O.
final class EventLoopTaskExecutor: TaskExecutor {
    let loop: any EventLoop

    init(_ loop: any EventLoop) {
        self.loop = loop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        loop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
