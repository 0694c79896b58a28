/// One entry of the drop folder that is ready to be taken in.
///
/// It is usually a regular file, but scans also report FIFOs, sockets and symlinks that pass
/// the name filter, because the intake stage quarantines them with a reason. Open it with
/// `O_NOFOLLOW | O_NONBLOCK` and check its type: the watcher never opens it.
public struct DroppedFile: Sendable, Hashable, CustomStringConvertible {
    /// What made the watcher report the file.
    public enum Trigger: Sendable, Hashable, CustomStringConvertible {
        /// A writer closed it (`IN_CLOSE_WRITE`).
        case closeWrite
        /// It was renamed into the folder (`IN_MOVED_TO`).
        case movedTo
        /// It appeared and is not a regular file (a FIFO, socket, device or symlink), so no
        /// close-write will ever come (`IN_CREATE`).
        case created
        /// A scan found it.
        case scan(RescanReason)

        public var description: String {
            switch self {
            case .closeWrite: "close-write"
            case .movedTo: "moved-to"
            case .created: "created (not a regular file)"
            case .scan(let reason): "scan (\(reason))"
            }
        }
    }

    /// The path below the drop folder, e.g. `feeds/reuters/a.json`.
    public let relativePath: DropPath
    /// The drop folder's path joined with ``relativePath``, ready for `open(2)`.
    public let absolutePath: DropPath
    public let trigger: Trigger

    public init(relativePath: DropPath, absolutePath: DropPath, trigger: Trigger) {
        self.relativePath = relativePath
        self.absolutePath = absolutePath
        self.trigger = trigger
    }

    public var description: String {
        "\(relativePath) [\(trigger)]"
    }
}
