public import EventLog

extension ClaimStore {
    /// The damaged lines of the log the store passed over, as they stand now: every answer
    /// leaves their records out, so a command says it is partial while any is listed.
    public func damage() throws(StoreError) -> [LogDamage] {
        let reader = LogRecordReader(directory: log)
        return try notedDamage().filter { reader.state(ofLineIn: $0.segment, at: $0.offset) == .damaged }.map { note in
            LogDamage(segment: Segment(firstSeq: note.segment, directory: log).path, offset: note.offset, reason: note.reason)
        }
    }

    /// Forgets noted lines that are whole again or gone. True when one of them now holds a
    /// record the store passed over (repaired by hand): only a rebuild brings that one in.
    /// A damaged last line that the writer cut and wrote again is not one of them: its new
    /// record comes after the store's last, and the catch-up applies it.
    func settleDamage() throws(StoreError) -> Bool {
        let notes = try notedDamage()
        guard !notes.isEmpty else { return false }
        let reader = LogRecordReader(directory: log)
        let last = try lastSeq()
        let forget = try database.prepare("DELETE FROM log_damage WHERE segment = ? AND offset_bytes = ?")
        for note in notes {
            switch reader.state(ofLineIn: note.segment, at: note.offset) {
            case .damaged:
                continue
            case let .record(seq) where seq <= last:
                return true
            case .record, .gone:
                try forget.run([.integer(Int64(note.segment)), .integer(note.offset)])
            }
        }
        return false
    }

    private func notedDamage() throws(StoreError) -> [(segment: UInt64, offset: Int64, reason: String)] {
        try database.prepare("SELECT segment, offset_bytes, reason FROM log_damage ORDER BY segment, offset_bytes").rows { row in
            (UInt64(row.integer(0)), row.integer(1), row.text(2) ?? "")
        }
    }
}
