/// Readiness for polling, where no close-write event says a writer is done: a file is
/// reported once it shows the same size, mtime and inode in two passes in a row, and again
/// only after it changes and settles. That keeps a half-copied file from being reported and
/// keeps an unchanged folder from flooding the consumer every pass.
struct PollTracker {
    private struct Sighting {
        var signature: FileSignature
        var reported: Bool
    }

    private var known: [[UInt8]: Sighting] = [:]
    private var seen: Set<[UInt8]> = []

    mutating func beginPass() {
        seen.removeAll(keepingCapacity: true)
    }

    /// Whether this sighting makes the file ready to report now.
    mutating func observe(_ path: [UInt8], _ signature: FileSignature) -> Bool {
        seen.insert(path)
        guard var sighting = known[path], sighting.signature == signature else {
            known[path] = Sighting(signature: signature, reported: false)
            return false
        }
        guard !sighting.reported else { return false }
        sighting.reported = true
        known[path] = sighting
        return true
    }

    /// Notes a file that a full scan reported regardless of its settling.
    mutating func recordReported(_ path: [UInt8], _ signature: FileSignature) {
        seen.insert(path)
        known[path] = Sighting(signature: signature, reported: true)
    }

    /// Forgets files that are gone, so a file dropped again under the same name is reported.
    mutating func endPass() {
        known = known.filter { seen.contains($0.key) }
    }
}
