import EventLog
import Ledger

/// Applies what a late verdict (the cluster mode) says of claims the store holds already:
/// an article recorded as an original while the shared database was away turned out a copy
/// or a later version of another host's earlier original, and each of its recast claims
/// (`ClaimRecast`) is made what a single host would have recorded. A claim the copy carries
/// word for word leaves the claims (its article carries the original's instead); one that
/// repeats another keeps its row as that claim's report; either's figures leave their
/// topics; one that updates another makes that claim's figures its history. The topics it
/// touched are compared again and relabelled by the catch-up, as for any new figure.
final class LateVerdictWriter {
    private let database: Database
    private let carriers: CarrierWriter
    private let claimRow: Statement
    private let figureRows: Statement
    private let deleteFigures: Statement
    private let topicLess: Statement
    private let phraseLess: Statement
    private let contextLess: Statement
    private let dropEmpty: Statement
    private let topicRecords: Statement
    private let setRange: Statement
    private let uncarry: Statement
    private let deleteClaim: Statement
    private let deleteText: Statement?
    private let unsettle: Statement
    private let claimantLess: Statement
    private let claimantClaims: Statement
    private let unlinkClaimant: Statement
    private let claimantArticleLess: Statement
    private let setRepeats: Statement
    private let setUpdates: Statement
    private let figuresUpdate: Statement
    private let supersede: Statement

    init(database: Database, fts: Bool, carriers: CarrierWriter) throws(StoreError) {
        self.database = database
        self.carriers = carriers
        claimRow = try database.prepare("SELECT seq, text, claimant, figures FROM claims WHERE id = ?")
        figureRows = try database.prepare("SELECT topic, idx, record, copies FROM figures WHERE claim = ?")
        deleteFigures = try database.prepare("DELETE FROM figures WHERE claim = ?")
        topicLess = try database.prepare("UPDATE topics SET figures = figures - 1, conflicts = NULL WHERE id = ?")
        phraseLess = try database.prepare("UPDATE topic_phrases SET n = n - 1 WHERE topic = ? AND phrase = ?")
        contextLess = try database.prepare("UPDATE topic_contexts SET n = n - 1 WHERE topic = ? AND context = ?")
        dropEmpty = try database.prepare("""
            DELETE FROM topics WHERE id = ?1 AND figures <= 0;
            """)
        topicRecords = try database.prepare("SELECT record, copies FROM figures WHERE topic = ?")
        setRange = try database.prepare("UPDATE topics SET max_lo = ?, min_hi = ? WHERE id = ?")
        uncarry = try database.prepare("DELETE FROM carriers WHERE claim = ? AND article = ?")
        deleteClaim = try database.prepare("DELETE FROM claims WHERE id = ?")
        deleteText = fts ? try database.prepare("INSERT INTO claims_fts(claims_fts, rowid, text) VALUES('delete', ?, ?)") : nil
        unsettle = try database.prepare("UPDATE topics SET conflicts = NULL WHERE id = ?")
        claimantLess = try database.prepare("UPDATE claimants SET claims = claims - 1, figures = figures - ? WHERE id = ?")
        claimantClaims = try database.prepare("SELECT count(*) FROM claims WHERE claimant = ? AND article = ?")
        unlinkClaimant = try database.prepare("DELETE FROM claimant_articles WHERE claimant = ? AND article = ?")
        claimantArticleLess = try database.prepare("UPDATE claimants SET articles = articles - 1 WHERE id = ?")
        setRepeats = try database.prepare("UPDATE claims SET repeats = ? WHERE id = ?")
        setUpdates = try database.prepare("UPDATE claims SET updates = ? WHERE id = ?")
        figuresUpdate = try database.prepare("UPDATE figures SET updates = ? WHERE claim = ?")
        // The claim it updates may be in a topic of the story its article joins only by the
        // merge that follows the late verdict: the same key, whichever story.
        supersede = try database.prepare("""
            UPDATE figures SET updated_by = ?1 WHERE claim = ?2 AND updated_by IS NULL
            AND topic IN (SELECT id FROM topics WHERE key = (SELECT key FROM topics WHERE id = ?3))
            """)
    }

    /// Recasts the claims of `article`; `added` and `touched` are the catch-up's running
    /// counts and the topics to compare and relabel.
    func apply(_ recast: [ClaimRecast], article: String, added: inout [String: Int], touched: inout Set<String>) throws(StoreError) {
        for claim in recast {
            guard let row = try claimRow.rows([.text(claim.claim)], { ($0.integer(0), $0.text(1) ?? "", $0.text(2) == nil ? nil : $0.integer(2),
                                                                      Int($0.integer(3))) }).first else { continue }
            let (seq, text, claimant, figures) = row
            if let repeats = claim.repeats {
                added["count.figures", default: 0] -= try withdrawFigures(of: claim.claim, sentence: text, article: article,
                                                                          touched: &touched)
                try uncarry.run([.text(claim.claim), .text(article)])
                try carriers.add(claim: repeats, carriedBy: article)
                if claim.carried == true {
                    try deleteClaim.run([.text(claim.claim)])
                    try deleteText?.run([.integer(seq), .text(text)])
                    added["count.claims", default: 0] -= 1
                    if let claimant {
                        try claimantLess.run([.integer(figures), .integer(claimant)])
                        if try claimantClaims.rows([.integer(claimant), .text(article)], { $0.integer(0) }).first == 0 {
                            try unlinkClaimant.run([.integer(claimant), .text(article)])
                            if database.changes > 0 { try claimantArticleLess.run([.integer(claimant)]) }
                        }
                    }
                } else {
                    try setRepeats.run([.text(repeats), .text(claim.claim)])
                }
            }
            if let updates = claim.updates {
                try setUpdates.run([.text(updates), .text(claim.claim)])
                try figuresUpdate.run([.text(updates), .text(claim.claim)])
                for (topic, index) in try figureRows.rows([.text(claim.claim)], { ($0.text(0) ?? "", Int($0.integer(1))) }) where !topic.isEmpty {
                    try supersede.run([.text(FigureRef(claim: claim.claim, index: index).description), .text(updates), .text(topic)])
                    try unsettle.run([.text(topic)])
                    touched.insert(topic)
                }
            }
        }
    }

    /// Takes a claim's figures out of their topics: the topic's count, extremes, phrases and
    /// contexts as if they had never joined. Returns how many figures went.
    private func withdrawFigures(of claim: String, sentence: String, article: String, touched: inout Set<String>) throws(StoreError) -> Int {
        var rows: [(topic: String, figure: LedgerFigure?)] = []
        for (topic, index, line) in try figureRows.rows([.text(claim)], { row in
            (row.text(0) ?? "", Int(row.integer(1)), row.withBytes(2) { bytes -> TopicReport.Line? in
                var lines: [TopicReport.Line] = []
                var keyed: [SourceCounter.Keyed] = []
                return FigureRecord.read(bytes, copies: 0, into: &lines, &keyed) ? lines.first : nil
            } ?? nil)
        }) {
            rows.append((topic, line.map { line in
                LedgerFigure(ref: FigureRef(claim: claim, index: index), text: line.text, low: line.low, high: line.high,
                             bound: line.bound, unit: line.unit, counted: line.counted, sentence: sentence, article: article)
            }))
        }
        try deleteFigures.run([.text(claim)])
        for (topic, figure) in rows where !topic.isEmpty {
            try topicLess.run([.text(topic)])
            if let figure {
                try phraseLess.run([.text(topic), .text(figure.counted ?? figure.text)])
                if let context = TopicKeyMaker.read(figure)?.1 { try contextLess.run([.text(topic), .text(TopicLabelColumns.stored(context))]) }
            }
            try settleRange(topic)
            touched.insert(topic)
        }
        return rows.count
    }

    /// A topic's extremes from the figures it still holds; a topic left empty goes.
    private func settleRange(_ topic: String) throws(StoreError) {
        var lines: [TopicReport.Line] = []
        var keyed: [SourceCounter.Keyed] = []
        _ = try topicRecords.rows([.text(topic)]) { row in
            row.withBytes(0) { FigureRecord.read($0, copies: 0, into: &lines, &keyed) }
        }
        guard !keyed.isEmpty else {
            try dropEmpty.run([.text(topic)])
            return
        }
        let low = keyed.map(\.range.low).max() ?? 0, high = keyed.map(\.range.high).min() ?? 0
        try setRange.run([.real(StoreWriter.finite(low)), .real(StoreWriter.finite(high)), .text(topic)])
    }
}
