import Logging
import SystemPackage
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Walking the folder: catch-up and safety-net scans, new-folder scans, and polling passes.
extension WatchLoop {
    /// Reports every entry below `start` (the drop folder when empty) and then how many.
    /// Returns `false` once nobody listens.
    func rescan(_ reason: RescanReason, from start: [UInt8] = []) -> Bool {
        let wholeFolder = start.isEmpty
        if isPolling, wholeFolder { pollTracker.beginPass() }
        var found = 0
        let completed = walk(from: start, signatures: isPolling) { relative, identity in
            ensureWatched(relative, identity: identity)
        } found: { relative, entry in
            if isPolling, let signature = entry.signature { pollTracker.recordReported(relative, signature) }
            found += 1
            return report(relative, .scan(reason))
        }
        guard completed else { return false }
        if isPolling, wholeFolder { pollTracker.endPass() }
        logger.debug("scan finished", metadata: ["reason": "\(reason)", "files": "\(found)"])
        return control.channel.send(.rescanned(reason: reason, filesFound: found))
    }

    /// One polling pass: reports files that are new or changed and have settled since the
    /// last pass. Quiet passes send nothing, so a 2-second poll does not flood the consumer.
    func poll() -> Bool {
        pollTracker.beginPass()
        var found = 0
        let completed = walk(from: [], signatures: true) { _, _ in
        } found: { relative, entry in
            guard let signature = entry.signature, pollTracker.observe(relative, signature) else { return true }
            found += 1
            return report(relative, .scan(.poll))
        }
        guard completed else { return false }
        pollTracker.endPass()
        return found == 0 || control.channel.send(.rescanned(reason: .poll, filesFound: found))
    }

    /// Walks the tree depth first without following symlinks, calling `enter` before listing
    /// each folder (so its watch exists before its names are read) and `found` for each
    /// non-directory entry that passes the name filter, and for subfolders too when the
    /// walk is flat and not a polling pass. Returns `false` if `found` did.
    ///
    /// A folder that cannot be read is reported and skipped; one that vanished is skipped.
    func walk<Failure: Error>(
        from start: [UInt8],
        signatures: Bool,
        enter: ([UInt8], FileIdentity) throws(Failure) -> Void,
        found: ([UInt8], DirectoryEntry) -> Bool
    ) throws(Failure) -> Bool {
        var pending = [start]
        // Symlinks are never followed, but a bind mount can still loop back.
        var visited = Set<FileIdentity>()
        while let relative = pending.popLast() {
            let absolute = absolutePath(relative)
            let fd: Int32
            do {
                fd = try Posix.openDirectory(absolute)
            } catch {
                if ![ENOENT, ENOTDIR, ELOOP].contains(error.rawValue) {
                    degrade(.cannotOpenDirectory(path: "\(DropPath(kernelBytes: absolute))", errno: error))
                }
                continue
            }
            guard let identity = try? Posix.identity(ofOpen: fd), visited.insert(identity).inserted else {
                Posix.closeDescriptor(fd)
                continue
            }
            do {
                try enter(relative, identity)
            } catch {
                Posix.closeDescriptor(fd)
                throw error
            }
            let entries: [DirectoryEntry]
            do {
                entries = try Posix.list(directory: fd, signatures: signatures)
            } catch {
                degrade(.cannotOpenDirectory(path: "\(DropPath(kernelBytes: absolute))", errno: error))
                continue
            }
            for entry in entries where !filter.ignores(name: entry.name) {
                let path = DropPath.join(relative, entry.name)
                if entry.isDirectory {
                    if configuration.recursive {
                        pending.append(path)
                    } else if !signatures, !found(path, entry) {
                        // A folder in a flat drop folder is reported too (not while polling,
                        // whose passes would repeat it), so intake can say why it is not read.
                        return false
                    }
                } else if !found(path, entry) {
                    return false
                }
            }
        }
        return true
    }

    /// Watches a folder unless it is already watched (libinotifytools would leak a record
    /// for every repeated watch). A folder replaced under the same name gets a fresh watch.
    func placeWatch(on relative: [UInt8], identity: FileIdentity) throws(WatcherError) {
        guard let session else { return }
        if let existing = watched.watch(at: relative) {
            if existing.identity == identity { return }
            session.unwatch(existing.watch)
            watched.remove(existing.watch)
        }
        // IN_CREATE for FIFOs, sockets and symlinks, which are never closed after writing, and
        // for new folders when recursive.
        var mask = InotifySession.closeWrite | InotifySession.movedTo | InotifySession.create | InotifySession.folderOptions
        if configuration.recursive { mask |= InotifySession.movedFrom }
        let absolute = absolutePath(relative)
        do {
            watched.insert(try session.watch(absolute, mask: mask), at: relative, identity: identity)
        } catch {
            throw watchError(error, path: absolute)
        }
    }

    /// `placeWatch` during scans: a failure is told and the scan goes on, so the folder's
    /// present files are still reported and later rescans catch the rest.
    private func ensureWatched(_ relative: [UInt8], identity: FileIdentity) {
        guard !isPolling else { return }
        do {
            try placeWatch(on: relative, identity: identity)
        } catch {
            if case .watchFailed(_, Errno.noSuchFileOrDirectory) = error { return }
            degrade(error)
        }
    }
}
