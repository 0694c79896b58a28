/// The watcher's events, in order. It ends after ``DropFolderWatcher/stop()`` once the
/// watcher thread has let go of libinotifytools, or after a `.notice(.failed)` event.
/// Meant for one consumer; cancelling the consuming task stops the watcher.
public struct WatchEvents: AsyncSequence, Sendable {
    public typealias Element = WatchEvent
    public typealias Failure = Never

    let control: WatcherControl

    public func makeAsyncIterator() -> Iterator {
        Iterator(control: control)
    }

    public struct Iterator: AsyncIteratorProtocol, Sendable {
        let control: WatcherControl

        public mutating func next() async -> WatchEvent? {
            await withTaskCancellationHandler {
                await control.channel.next()
            } onCancel: { [control] in
                control.consumerCancelled()
            }
        }

        public mutating func next(isolation actor: isolated (any Actor)?) async -> WatchEvent? {
            await next()
        }
    }
}
