/// Paces the full rescans that `IN_Q_OVERFLOW` calls for. An overflow means events are
/// arriving faster than they are consumed; rescanning on every one would only add load, so
/// at most one rescan runs per window, the window doubles while overflows keep coming, and
/// it shrinks back after a quiet period.
struct OverflowBackoff {
    typealias Instant = ContinuousClock.Instant

    enum Decision: Equatable {
        /// Rescan at once.
        case rescanNow
        /// A rescan is scheduled for this instant (new or already pending).
        case rescanAt(Instant)
    }

    private let settings: WatcherConfiguration.OverflowBackoff
    private var window: Duration
    private var notBefore: Instant?
    private var lastOverflow: Instant?
    /// The deferred rescan, if one is waiting for its window to open.
    private(set) var pendingRescan: Instant?

    init(_ settings: WatcherConfiguration.OverflowBackoff) {
        self.settings = settings
        self.window = settings.initial
    }

    mutating func overflowed(at now: Instant) -> Decision {
        if let lastOverflow, now - lastOverflow >= settings.quietPeriod {
            window = settings.initial
            notBefore = nil
        }
        lastOverflow = now
        if let pendingRescan { return .rescanAt(pendingRescan) }
        if let notBefore, now < notBefore {
            pendingRescan = notBefore
            return .rescanAt(notBefore)
        }
        return .rescanNow
    }

    /// Whether the deferred rescan is due.
    func isDue(at now: Instant) -> Bool {
        pendingRescan.map { now >= $0 } ?? false
    }

    /// Records an overflow rescan: the next one waits a window, and the window grows.
    mutating func rescanned(at now: Instant) {
        pendingRescan = nil
        notBefore = now + window
        window = min(window * 2, settings.maximum)
    }
}
