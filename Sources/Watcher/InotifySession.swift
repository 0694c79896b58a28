internal import CInotifyTools
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import SystemPackage

/// One inotify event, copied out of libinotifytools' static buffer the moment it is returned
/// (the next call overwrites that buffer).
struct InotifyEvent {
    let watch: Int32
    let mask: UInt32
    /// The name inside the watched folder; empty for events about the watched object itself.
    let name: [UInt8]

    func has(_ flag: UInt32) -> Bool { mask & flag != 0 }
}

/// The outcome of waiting for an event.
enum InotifyWait {
    case event(InotifyEvent)
    /// The timeout passed.
    case nothing
    /// A signal interrupted the wait.
    case interrupted
    case failed(Errno)
}

/// The process's libinotifytools session, which is global state inside the library.
///
/// Deliberately not `Sendable`: it is created, used and closed on the watcher thread only,
/// which is what makes the library's global state and reused buffers safe to use.
final class InotifySession {
    static let closeWrite = UInt32(IN_CLOSE_WRITE)
    static let movedTo = UInt32(IN_MOVED_TO)
    static let movedFrom = UInt32(IN_MOVED_FROM)
    static let create = UInt32(IN_CREATE)
    static let isDirectory = UInt32(IN_ISDIR)
    static let ignored = UInt32(IN_IGNORED)
    static let overflow = UInt32(IN_Q_OVERFLOW)
    static let unmounted = UInt32(IN_UNMOUNT)
    /// Only folders, never through a symlink, and no events for names already unlinked.
    static let folderOptions = UInt32(IN_ONLYDIR) | UInt32(IN_DONT_FOLLOW) | UInt32(IN_EXCL_UNLINK)

    private var isOpen = true

    init() throws(WatcherError) {
        guard inotifytools_initialize() == 1 else {
            let code = inotifytools_error()
            isOpen = false
            if code == EMFILE {
                let limit = inotifytools_get_max_user_instances()
                throw .inotifyInstanceLimit(limit: limit >= 0 ? Int(limit) : nil)
            }
            throw .inotifyUnavailable(errno: code)
        }
    }

    /// The current `fs.inotify.max_user_watches`, for error messages.
    var maxUserWatches: Int? {
        let limit = inotifytools_get_max_user_watches()
        return limit >= 0 ? Int(limit) : nil
    }

    /// Adds a watch and returns its descriptor.
    func watch(_ path: [UInt8], mask: UInt32) throws(Errno) -> Int32 {
        let added = DropPath(kernelBytes: path).withCString {
            inotifytools_watch_file($0, Int32(bitPattern: mask))
        }
        guard added == 1 else {
            let code = inotifytools_error()
            throw Errno(rawValue: code == 0 ? EIO : code)
        }
        // The library keeps the descriptor to itself and files folders under "path/".
        for name in [path + [UInt8(ascii: "/")], path] {
            let watch = DropPath(kernelBytes: name).withCString { inotifytools_wd_from_filename($0) }
            if watch >= 0 { return watch }
        }
        throw Errno(rawValue: ENOENT)
    }

    /// Removes a live watch; the kernel then queues `IN_IGNORED` for it.
    func unwatch(_ watch: Int32) {
        _ = inotifytools_remove_watch_by_wd(watch)
    }

    /// Retires the library's record of a watch the kernel already dropped (`IN_IGNORED`).
    ///
    /// The library cannot delete such a record (its removal calls `inotify_rm_watch`, which
    /// fails), and a stale record under "path/" would shadow the next watch on a folder of
    /// the same name. Renaming it to "path/\u{1}" frees the name while keeping the library's
    /// name-ordered tree valid: no string sorts strictly between `s` and `s + "\u{1}"`.
    func retireDeadWatch(_ watch: Int32) {
        guard let current = inotifytools_filename_from_wd(watch) else { return }
        let tombstone = Array(UnsafeBufferPointer(start: current, count: strlen(current))) + [1, 0]
        tombstone.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { name in
                if let base = name.baseAddress { inotifytools_set_filename_by_wd(watch, base) }
            }
        }
    }

    /// Waits up to `timeoutSeconds` (at least 1: the library reads 0 as "forever").
    func next(timeoutSeconds: Int) -> InotifyWait {
        guard let event = inotifytools_next_event(max(1, timeoutSeconds)) else {
            let code = inotifytools_error()
            switch code {
            case 0: return .nothing
            case EINTR: return .interrupted
            default: return .failed(Errno(rawValue: code))
            }
        }
        let header = event.pointee
        let nameStart = UnsafeRawPointer(event) + MemoryLayout<inotify_event>.size
        let nameBytes = UnsafeBufferPointer(start: nameStart.assumingMemoryBound(to: UInt8.self), count: Int(header.len))
        return .event(InotifyEvent(watch: header.wd, mask: header.mask, name: Array(nameBytes.prefix { $0 != 0 })))
    }

    /// Ends the session so that a later one in this process starts clean.
    ///
    /// libinotifytools keeps unread events in a static buffer that `inotifytools_cleanup`
    /// does not reset: a later session would be handed this one's leftovers. So every watch is
    /// removed, the wake-up watch last; its `IN_IGNORED` is then the last event the kernel can
    /// queue, and reading up to it empties the buffer. The one-second wait only guards against
    /// that event having been lost to a queue overflow.
    func close(watches: [Int32], wakeWatch: Int32?) {
        guard isOpen else { return }
        isOpen = false
        watches.forEach(unwatch)
        if let wakeWatch {
            unwatch(wakeWatch)
            draining: while true {
                switch next(timeoutSeconds: 1) {
                case .event(let event) where event.watch == wakeWatch && event.has(Self.ignored):
                    break draining
                case .event, .interrupted:
                    continue
                case .nothing, .failed:
                    break draining
                }
            }
        }
        inotifytools_cleanup()
    }

    deinit {
        if isOpen { inotifytools_cleanup() }
    }
}
