import Fingerprint
import Foundation

/// `<state>/index/fingerprints.bin`: the fingerprint of every original, appended as it is
/// indexed, so a restart loads the near-copy index instead of fingerprinting every stored
/// text again. A projection of the log like the rest of the index: anything missing or
/// stale is rebuilt from the log and the stored texts, and `claimwatch reindex` rewrites
/// it whole. Each fingerprint carries a digest of the parameters it was made with, so a
/// parameter change is noticed and the file rebuilt.
///
/// Layout: a header line, then records of [id length: UInt8][id][length: UInt16 LE][fingerprint].
final class FingerprintFile {
    static let header = Array("claimwatch fingerprints 1\n".utf8)

    let path: String
    private let folder: String
    private let parameters: FingerprintParameters
    private var descriptor: Int32 = -1

    init(folder: String, parameters: FingerprintParameters) {
        self.folder = folder
        path = folder + "/fingerprints.bin"
        self.parameters = parameters
    }

    deinit { if descriptor >= 0 { close(descriptor) } }

    /// What the file holds. `stale` is true when it was made with other parameters (or is
    /// unreadable), and must be rewritten rather than appended to.
    func load() -> (fingerprints: [String: ArticleFingerprint], stale: Bool) {
        guard let data = FileManager.default.contents(atPath: path) else { return ([:], false) }
        let bytes = [UInt8](data)
        guard bytes.starts(with: Self.header) else { return ([:], true) }
        var fingerprints: [String: ArticleFingerprint] = [:]
        var position = Self.header.count
        while position < bytes.count {
            let idLength = Int(bytes[position])
            let lengthAt = position + 1 + idLength
            guard lengthAt + 2 <= bytes.count else { break }
            let length = Int(bytes[lengthAt]) | Int(bytes[lengthAt + 1]) << 8
            let end = lengthAt + 2 + length
            guard end <= bytes.count else { break }
            let id = String(decoding: bytes[(position + 1)..<lengthAt], as: UTF8.self)
            do {
                fingerprints[id] = try ArticleFingerprint(serialized: Array(bytes[(lengthAt + 2)..<end]), parameters: parameters)
            } catch {
                return ([:], true)
            }
            position = end
        }
        // A torn last record (a crash mid-append) is cut off before anything is appended.
        if position < bytes.count { truncate(path, off_t(position)) }
        return (fingerprints, false)
    }

    func append(id: String, fingerprint: ArticleFingerprint) throws(IngestError) {
        if descriptor < 0 { try openForAppend() }
        try FileSystem.writeAll(Self.record(id: id, fingerprint: fingerprint, parameters: parameters), to: descriptor, path: path)
    }

    /// Replaces the file with exactly these fingerprints (written aside, then renamed in).
    func rewrite(_ entries: [(id: String, fingerprint: ArticleFingerprint)]) throws(IngestError) {
        if descriptor >= 0 {
            close(descriptor)
            descriptor = -1
        }
        var bytes = Self.header
        for entry in entries { bytes += Self.record(id: entry.id, fingerprint: entry.fingerprint, parameters: parameters) }
        let temporary = path + ".new"
        try FileSystem.makeDirectories(try DropPath(folder))
        let output = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { throw .io(operation: "open", path: temporary, errno: errno) }
        defer { close(output) }
        try FileSystem.writeAll(bytes, to: output, path: temporary)
        guard fsync(output) == 0 else { throw .io(operation: "fsync", path: temporary, errno: errno) }
        guard rename(temporary, path) == 0 else { throw .io(operation: "rename", path: path, errno: errno) }
    }

    private func openForAppend() throws(IngestError) {
        try FileSystem.makeDirectories(try DropPath(folder))
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw .io(operation: "open", path: path, errno: errno) }
        var info = stat()
        if fstat(descriptor, &info) == 0, info.st_size == 0 {
            try FileSystem.writeAll(Self.header, to: descriptor, path: path)
        }
    }

    private static func record(id: String, fingerprint: ArticleFingerprint, parameters: FingerprintParameters) -> [UInt8] {
        let idBytes = Array(id.utf8.prefix(255))
        let body = fingerprint.serialized(parameters: parameters)
        return [UInt8(idBytes.count)] + idBytes + [UInt8(body.count & 0xFF), UInt8(body.count >> 8)] + body
    }
}

import Watcher
