public import Logging
import Synchronization

/// The level the daemon's handlers log at, shared by all of them, so a reload that
/// changes `log-level` takes effect at once, in every logger already made.
public final class LogLevelSwitch: Sendable {
    private let current: Mutex<Logger.Level>

    public init(_ level: Logger.Level) {
        current = Mutex(level)
    }

    public var level: Logger.Level {
        get { current.withLock { $0 } }
        set { current.withLock { $0 = newValue } }
    }
}
