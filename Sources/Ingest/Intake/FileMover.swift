import Foundation
import Watcher

/// Moves files out of the drop folder into dated folders under the state folder, never
/// replacing a file that is already there and never deleting anything it has not copied.
struct FileMover: Sendable {
    let root: DropPath

    init(root: String) throws(IngestError) { self.root = try DropPath(root) }

    /// Moves `source` to `<folder>/<date>/<relative>`, or beside it with a `-2`, `-3`, …
    /// before the extension when that name is taken. Returns the new path, relative to
    /// the state folder.
    func move(_ source: DropPath, relative: DropPath, into folder: String, date: Date) throws(IngestError) -> DropPath {
        let target = try DropPath(folder).appending(try DropPath(Self.day(date))).appending(relative)
        if let parent = target.parent { try FileSystem.makeDirectories(parent) }
        var candidate = target
        var attempt = 1
        while true {
            switch try place(source, at: candidate) {
            case .moved: return candidate.relative(to: root) ?? candidate
            case .taken:
                attempt += 1
                candidate = Self.numbered(target, attempt)
            }
        }
    }

    /// Chooses where a processed file will go in the archive before its events are written
    /// (they name it): `<folder>/<date>/<relative>`, or beside it numbered, the first name
    /// that is neither on disk nor `taken` by a file still on its way. Nothing is created:
    /// one writer holds the state folder, so a name free now is free when the events are
    /// durable and the file is moved, and a crash in between leaves nothing behind.
    func claimArchive(for relative: DropPath, folder: String, date: Date, taken: Set<DropPath>) throws(IngestError) -> DropPath {
        let target = try DropPath(folder).appending(try DropPath(Self.day(date))).appending(relative)
        var attempt = 1
        while true {
            let candidate = attempt == 1 ? target : Self.numbered(target, attempt)
            attempt += 1
            if taken.contains(candidate) || candidate.withCString({ access($0, F_OK) }) == 0 { continue }
            return candidate
        }
    }

    /// Reserves a place in quarantine for a rejected file before its event is written:
    /// creates `<name>.reason` holding `note`, which claims `<name>` for the file itself.
    /// Returns the absolute path the file will be moved to.
    func claimQuarantine(for relative: DropPath, folder: String, date: Date, note: String) throws(IngestError) -> DropPath {
        let target = try DropPath(folder).appending(try DropPath(Self.day(date))).appending(relative)
        if let parent = target.parent { try FileSystem.makeDirectories(parent) }
        var attempt = 1
        while true {
            let candidate = attempt == 1 ? target : Self.numbered(target, attempt)
            attempt += 1
            if candidate.withCString({ access($0, F_OK) }) == 0 { continue }
            let reason = DropPath(bytes: candidate.bytes + Array(".reason".utf8)) ?? candidate
            let descriptor = reason.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644) }
            if descriptor < 0 {
                if errno == EEXIST { continue }
                throw .io(operation: "open", path: reason.description, errno: errno)
            }
            close(descriptor)
            try writeNote(note, at: reason)
            return candidate
        }
    }

    /// Moves `source` to exactly `target`, or beside it if something took the name since.
    func moveExactly(_ source: DropPath, to target: DropPath) throws(IngestError) {
        if let parent = target.parent { try FileSystem.makeDirectories(parent) }
        var candidate = target
        var attempt = 1
        while try place(source, at: candidate) == .taken {
            attempt += 1
            candidate = Self.numbered(target, attempt)
        }
    }

    /// Writes a small text file beside a quarantined file.
    func writeNote(_ text: String, at path: DropPath) throws(IngestError) {
        let descriptor = path.withCString { open($0, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644) }
        guard descriptor >= 0 else { throw .io(operation: "open", path: path.description, errno: errno) }
        defer { close(descriptor) }
        try FileSystem.writeAll(Array(text.utf8), to: descriptor, path: path.description)
    }

    private enum Placement { case moved, taken }

    /// `link` then `unlink` is a rename that refuses to replace an existing file. Where
    /// hard links are not possible, a checked `rename` does; across file systems, a copy.
    private func place(_ source: DropPath, at target: DropPath) throws(IngestError) -> Placement {
        let linked = source.withCString { from in target.withCString { to in link(from, to) } }
        if linked == 0 {
            _ = source.withCString { unlink($0) }
            return .moved
        }
        switch errno {
        case EEXIST:
            return .taken
        case EXDEV:
            return try copyAcross(source, to: target)
        case EPERM, ENOTSUP, EMLINK:
            if target.withCString({ access($0, F_OK) }) == 0 { return .taken }
            let renamed = source.withCString { from in target.withCString { to in rename(from, to) } }
            guard renamed == 0 else { throw .io(operation: "rename", path: source.description, errno: errno) }
            return .moved
        case let code:
            throw .io(operation: "link", path: source.description, errno: code)
        }
    }

    /// The drop folder is on another file system: copy, make the copy durable, then
    /// remove the original.
    private func copyAcross(_ source: DropPath, to target: DropPath) throws(IngestError) -> Placement {
        let input = source.withCString { open($0, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK) }
        guard input >= 0 else { throw .io(operation: "open", path: source.description, errno: errno) }
        defer { close(input) }
        let output = target.withCString { open($0, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644) }
        if output < 0 {
            if errno == EEXIST { return .taken }
            throw .io(operation: "open", path: target.description, errno: errno)
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        var failure: IngestError?
        copying: while true {
            let got = buffer.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                failure = .io(operation: "read", path: source.description, errno: errno)
                break
            }
            if got == 0 { break }
            var written = 0
            while written < got {
                let result = buffer.withUnsafeBytes { write(output, $0.baseAddress! + written, got - written) }
                if result < 0 {
                    if errno == EINTR { continue }
                    failure = .io(operation: "write", path: target.description, errno: errno)
                    break copying
                }
                written += result
            }
        }
        if failure == nil, fsync(output) != 0 { failure = .io(operation: "fsync", path: target.description, errno: errno) }
        close(output)
        if let failure {
            // The original stays where it was; only our partial copy goes.
            _ = target.withCString { unlink($0) }
            throw failure
        }
        _ = source.withCString { unlink($0) }
        return .moved
    }

    static func day(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1, Int(parts.tm_mday))
    }

    /// `story.txt` → `story-2.txt`; `README` → `README-2`.
    static func numbered(_ path: DropPath, _ attempt: Int) -> DropPath {
        let name = path.lastComponent.bytes
        let suffix = Array("-\(attempt)".utf8)
        let renamed: [UInt8]
        if let dot = name.lastIndex(of: UInt8(ascii: ".")), dot > 0 {
            renamed = Array(name[..<dot]) + suffix + Array(name[dot...])
        } else {
            renamed = name + suffix
        }
        let numbered = DropPath(bytes: renamed) ?? path.lastComponent
        return path.parent.map { $0.appending(numbered) } ?? numbered
    }
}
