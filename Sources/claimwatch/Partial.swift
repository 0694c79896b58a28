import ArgumentParser
import ConsoleOutput
import EventLog
import Foundation

/// The one place an answer's gaps are reported: on standard error, with where the damage
/// is, then exit status 2 (`ExitStatus.partial`), so no script takes a partial answer
/// for a whole one.
enum Partial {
    static func check(_ damage: [LogDamage]) throws {
        let unique = Array(Set(damage)).sorted { ($0.segment, $0.offset) < ($1.segment, $1.offset) }
        guard let first = unique.first else { return }
        var message = "claimwatch: partial answer: \(Wording.count(unique.count, "damaged record")) in the log "
            + "\(unique.count == 1 ? "is" : "are") left out: \(first)"
        if unique.count > 1 { message += " (and \(unique.count - 1) more)" }
        message += "; `claimwatch verify` lists the damage\n"
        FileHandle.standardError.write(Data(message.utf8))
        throw ExitStatus.partial
    }
}
