import Logging
import SystemPackage

/// Turning inotify events into reports: the readiness rules live here.
extension WatchLoop {
    func handle(_ event: InotifyEvent) -> Outcome {
        if event.watch == wakeWatch {
            // Only a touch (flags are read at the top of the loop) or the file being deleted.
            return event.has(InotifySession.ignored) ? replaceWakeFile() : .keepGoing
        }
        if event.has(InotifySession.overflow) {
            return overflowed()
        }
        if event.has(InotifySession.ignored) {
            session?.retireDeadWatch(event.watch)
            guard let entry = watched.remove(event.watch) else { return .keepGoing }
            return entry.relativePath.isEmpty ? .fail(.dropFolderGone(path: configuration.dropFolder)) : .keepGoing
        }
        guard let folder = watched.entry(for: event.watch), !event.name.isEmpty,
              !filter.ignores(name: event.name)
        else { return .keepGoing }
        let path = DropPath.join(folder.relativePath, event.name)
        if event.has(InotifySession.isDirectory) {
            return folderChanged(path, event)
        }
        // A file is ready once its writer closed it or it was renamed in, never on creation:
        // IN_CREATE comes before the first byte is written. A FIFO, socket or symlink is
        // never written and closed, so it is reported when it appears, for intake to refuse
        // now rather than at the next rescan.
        if event.has(InotifySession.create) {
            guard Posix.isSpecialFile(absolutePath(path)) else { return .keepGoing }
            return report(path, .created) ? .keepGoing : .stop
        }
        if event.has(InotifySession.closeWrite) {
            return report(path, .closeWrite) ? .keepGoing : .stop
        }
        if event.has(InotifySession.movedTo) {
            return report(path, .movedTo) ? .keepGoing : .stop
        }
        return .keepGoing
    }

    /// Recursive mode: a new folder gets its watch, then a scan, since `mkdir -p a/b/c` and
    /// the first files land before any watch on them can exist.
    private func folderChanged(_ path: [UInt8], _ event: InotifyEvent) -> Outcome {
        guard configuration.recursive else { return .keepGoing }
        if event.has(InotifySession.movedFrom) {
            // Moved away, or within the tree (then IN_MOVED_TO follows and re-adds it):
            // either way the old paths are wrong now.
            for watch in watched.watches(under: path) {
                session?.unwatch(watch)
                watched.remove(watch)
            }
            return .keepGoing
        }
        if event.has(InotifySession.create) || event.has(InotifySession.movedTo) {
            return rescan(.newDirectory, from: path) ? .keepGoing : .stop
        }
        return .keepGoing
    }

    private func overflowed() -> Outcome {
        let now = clock.now
        let alreadyPending = backoff.pendingRescan != nil
        switch backoff.overflowed(at: now) {
        case .rescanNow:
            tell(.queueOverflowed(rescanDelay: .zero))
            guard rescan(.overflow) else { return .stop }
            backoff.rescanned(at: clock.now)
        case .rescanAt(let instant):
            if !alreadyPending { tell(.queueOverflowed(rescanDelay: instant - now)) }
        }
        return .keepGoing
    }

    /// Someone deleted the wake-up file (a tmp cleaner?): make a new one, or stop must wait.
    private func replaceWakeFile() -> Outcome {
        wakeWatch = nil
        guard let session else { return .stop }
        do {
            try Posix.createPrivateFile(control.wakeFile)
            wakeWatch = try session.watch(control.wakeFile, mask: InotifySession.closeWrite)
            logger.warning("the watcher's wake-up file was deleted; made a new one")
            return .keepGoing
        } catch {
            return .fail(.wakeFileUnusable(path: "\(DropPath(kernelBytes: control.wakeFile))", errno: error))
        }
    }

    /// Hands one ready file to the consumer; `false` once nobody listens.
    func report(_ relative: [UInt8], _ trigger: DroppedFile.Trigger) -> Bool {
        let file = DroppedFile(
            relativePath: DropPath(kernelBytes: relative),
            absolutePath: DropPath(kernelBytes: absolutePath(relative)),
            trigger: trigger
        )
        logger.debug("file ready", metadata: ["path": "\(file.relativePath)", "trigger": "\(trigger)"])
        return control.channel.send(.file(file))
    }
}
