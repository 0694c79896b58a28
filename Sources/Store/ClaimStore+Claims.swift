extension ClaimStore {
    /// The claims that pass the filter, newest first.
    public func claims(_ filter: ClaimFilter) throws(StoreError) -> [ClaimRow] {
        var conditions: [String] = []
        var values: [SQLValue] = []
        var from = "claims c"
        if let name = filter.claimant {
            let ids = try claimantIDs(matching: name)
            guard !ids.isEmpty else { return [] }
            conditions.append("c.claimant IN (\(ids.map(String.init).joined(separator: ",")))")
        }
        if let prefix = filter.article {
            guard let article = try article(matching: prefix) else { return [] }
            conditions.append("c.article = ?")
            values.append(.text(article))
        }
        if let words = filter.contains {
            let terms = Self.words(words)
            guard !terms.isEmpty else { return [] }
            if fts {
                from = "claims_fts JOIN claims c ON c.seq = claims_fts.rowid"
                conditions.insert("claims_fts MATCH ?", at: 0)
                values.insert(.text(terms.map { "\"\($0)\"" }.joined(separator: " ")), at: 0)
            } else {
                for term in terms {
                    conditions.append("c.text LIKE ?")
                    values.append(.text("%\(term)%"))
                }
            }
        }
        if let since = filter.since {
            // Record times rise with seq, so the time turns into a seq bound (one index
            // probe) and the newest-first scan by seq stops at the limit.
            let first = try database.prepare("SELECT min(seq) FROM claims WHERE time >= ?")
                .rows([.text(since)]) { $0.real(0).map { Int64($0) } }.first ?? nil
            guard let first else { return [] }
            conditions.append("c.seq >= \(first)")
        }
        // The matching seqs first (from the indexes alone, newest first, cut at the limit),
        // then the details of just those.
        var matching = "SELECT c.seq FROM \(from)"
        if !conditions.isEmpty { matching += " WHERE " + conditions.joined(separator: " AND ") }
        matching += " ORDER BY c.seq DESC"
        if let limit = filter.limit { matching += " LIMIT \(max(0, limit))" }
        let sql = """
            SELECT c.id, c.article, c.seq, c.time, c.text, c.content, c.name, cl.canonical, c.kind, c.cue, c.stance,
                   c.hedges, c.quote, a.outlet, c.repeats, c.updates,
                   (SELECT count(*) FROM carriers r WHERE r.claim = coalesce(c.repeats, c.id))
            FROM claims c LEFT JOIN claimants cl ON cl.id = c.claimant LEFT JOIN articles a ON a.id = c.article
            WHERE c.seq IN (\(matching)) ORDER BY c.seq DESC
            """
        var rows = try database.prepare(sql).rows(values) { row in
            ClaimRow(claim: row.text(0) ?? "", article: row.text(1) ?? "", seq: row.integer(2), time: row.text(3) ?? "",
                     text: row.text(4) ?? "", content: row.text(5), claimant: row.text(6), canonical: row.text(7),
                     kind: row.text(8), cue: row.text(9), stance: row.text(10) ?? "asserts", hedges: row.text(11) ?? "",
                     quote: row.integer(12) != 0, outlet: row.text(13), figures: [], repeats: row.text(14),
                     updates: row.text(15), reports: Int(row.integer(16)))
        }
        // A repeat's figures are those of the claim it repeats.
        let figures = try database.prepare("SELECT text FROM figures WHERE claim = ? ORDER BY idx")
        for index in rows.indices {
            rows[index].figures = try figures.rows([.text(rows[index].repeats ?? rows[index].claim)]) { $0.text(0) ?? "" }
        }
        return rows
    }

    /// Claimants whose canonical name is `name`, or holds its words in a row, ignoring
    /// case ("Zelensky" finds "Volodymyr Zelensky"): candidates come from the word index,
    /// then the whole phrase is checked.
    func claimantIDs(matching name: String) throws(StoreError) -> [Int64] {
        let wanted = Self.words(name)
        guard let rarest = wanted.first else { return [] }
        let candidates = try database.prepare("""
            SELECT c.id, c.canonical FROM claimant_words w JOIN claimants c ON c.id = w.claimant WHERE w.word = ?
            """).rows([.text(rarest)]) { ($0.integer(0), $0.text(1) ?? "") }
        let phrase = " " + wanted.joined(separator: " ") + " "
        return candidates.filter { (" " + Self.words($0.1).joined(separator: " ") + " ").contains(phrase) }.map(\.0)
    }

    /// The original article an id or id prefix names (a copy's id gives its original).
    public func article(matching prefix: String) throws(StoreError) -> String? {
        guard !prefix.isEmpty else { return nil }
        let upper = prefix + "\u{10FFFF}"
        let originals = try database.prepare("SELECT id FROM articles WHERE id >= ? AND id < ? LIMIT 2")
            .rows([.text(prefix), .text(upper)]) { $0.text(0) ?? "" }
        if originals.count == 1 { return originals[0] }
        if originals.count > 1 { return originals.contains(prefix) ? prefix : nil }
        let copies = try database.prepare("SELECT original FROM copies WHERE id >= ? AND id < ? LIMIT 2")
            .rows([.text(prefix), .text(upper)]) { $0.text(0) ?? "" }
        return copies.count == 1 ? copies[0] : nil
    }

    /// The words of a search, lowercased, without quote marks (they are quoted again for FTS).
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "'" || $0 == "-") }.map(String.init)
    }

    static func escapedLike(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if character == "%" || character == "_" || character == "\\" { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
