import Foundation

/// `<state>/index/reservations-held`: the log seq through which every original this host
/// recorded in the cluster mode is known reserved in the shared database (or judged by a
/// late verdict the log holds), with the last of them the database was seen to hold. A
/// start then asks the database only about the originals recorded after that seq, and about
/// that witness: a database that does not hold it is not the one the mark was made with (a
/// recreated or another one), and every original is asked about, as without the mark. Like
/// the rest of `index/` it is a cache: lost, damaged or from an older format, the start asks
/// about every original (one query, whose answer grows with the host's history).
struct ReservationsHeld: Equatable {
    var seq: UInt64
    var witness: String

    private static let magic = "claimwatch reservations-held 1"

    /// The mark in `path`; nil when there is none that reads.
    static func load(from path: String) -> ReservationsHeld? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.count == 4, lines[0] == magic, let seq = UInt64(lines[1]), !lines[2].isEmpty, lines[3].isEmpty else { return nil }
        return ReservationsHeld(seq: seq, witness: String(lines[2]))
    }

    /// Written aside and renamed into place; not synced (losing it costs one larger query).
    func save(to path: String) throws(IngestError) {
        try FileSystem.writeReplacing(Array("\(Self.magic)\n\(seq)\n\(witness)\n".utf8), at: path)
    }
}
