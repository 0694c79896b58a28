/// What the watcher tells its consumer, in the order things happened.
public enum WatchEvent: Sendable, Hashable {
    /// Watches are in place and the catch-up scan comes next in this stream: from here on no
    /// dropped file can be missed. The daemon sends `READY=1` to systemd on this.
    case ready
    /// A file (or another non-directory entry) that is ready to be taken in.
    case file(DroppedFile)
    /// A scan finished; `filesFound` counts the `.file` events it produced.
    case rescanned(reason: RescanReason, filesFound: Int)
    /// Something an operator should know: polling fallback, overflow, a watch that failed.
    case notice(WatcherNotice)
}

/// Why the watcher walked the folder instead of trusting inotify.
public enum RescanReason: String, Sendable, Hashable, CustomStringConvertible {
    /// Catch-up at start: files dropped while the daemon was down.
    case startup
    /// The safety net that runs every `rescanInterval`.
    case periodic
    /// The kernel dropped events (`IN_Q_OVERFLOW`).
    case overflow
    /// A folder appeared (recursive mode); files may have landed before its watch did.
    case newDirectory
    /// Someone called ``DropFolderWatcher/requestRescan()``.
    case requested
    /// A polling pass, on file systems where inotify sees nothing (or when forced).
    case poll

    public var description: String { rawValue }
}
