public import EventLog

extension ClaimStore {
    /// The claims that pass the filter, newest first.
    public func claims(_ filter: ClaimFilter) throws(StoreError) -> [ClaimRow] {
        guard let selection = try selection(filter) else { return [] }
        // The matching seqs first (from the indexes alone, newest first, cut at the limit),
        // then the details of just those.
        var matching = "SELECT c.seq FROM \(selection.from)"
        if !selection.conditions.isEmpty { matching += " WHERE " + selection.conditions.joined(separator: " AND ") }
        matching += " ORDER BY c.seq DESC"
        if let limit = filter.limit { matching += " LIMIT \(max(0, limit))" }
        return try claimRows(matching: matching, values: selection.values)
    }

    /// The claims whose seqs `matching` selects (SQL, with `values` bound), newest first.
    func claimRows(matching: String, values: [SQLValue]) throws(StoreError) -> [ClaimRow] {
        let sql = """
            SELECT c.id, c.article, c.seq, c.time, c.text, c.content, c.name, cl.canonical, c.kind, c.cue, c.stance,
                   c.hedges, c.quote, a.outlet, a.published, a.path, c.log_segment, c.log_offset, c.repeats, c.updates,
                   (SELECT count(*) FROM carriers r WHERE r.claim = coalesce(c.repeats, c.id))
            FROM claims c LEFT JOIN claimants cl ON cl.id = c.claimant LEFT JOIN articles a ON a.id = c.article
            WHERE c.seq IN (\(matching)) ORDER BY c.seq DESC
            """
        var rows = try database.prepare(sql).rows(values) { row in
            ClaimRow(claim: row.text(0) ?? "", article: row.text(1) ?? "", seq: row.integer(2), time: row.text(3) ?? "",
                     text: row.text(4) ?? "", content: row.text(5), claimant: row.text(6), canonical: row.text(7),
                     kind: row.text(8), cue: row.text(9), stance: row.text(10) ?? "asserts", hedges: row.text(11) ?? "",
                     quote: row.integer(12) != 0, outlet: row.text(13), figures: [], published: row.text(14),
                     path: row.text(15), segment: UInt64(max(0, row.integer(16))), offset: row.integer(17),
                     repeats: row.text(18), updates: row.text(19), reports: Int(row.integer(20)))
        }
        // A repeat's figures are those of the claim it repeats.
        let figures = try database.prepare("SELECT text FROM figures WHERE claim = ? ORDER BY idx")
        for index in rows.indices {
            rows[index].figures = try figures.rows([.text(rows[index].repeats ?? rows[index].claim)]) { $0.text(0) ?? "" }
        }
        return rows
    }

    /// The `FROM` clause, conditions and values that select the filter's claims (alias
    /// `c`), or nil when some filter matches nothing at all.
    func selection(_ filter: ClaimFilter) throws(StoreError) -> (from: String, conditions: [String], values: [SQLValue])? {
        var conditions: [String] = []
        var values: [SQLValue] = []
        var from = "claims c"
        if let name = filter.claimant {
            let ids = try claimantIDs(matching: name)
            guard !ids.isEmpty else { return nil }
            conditions.append("c.claimant IN (\(ids.map(String.init).joined(separator: ",")))")
        }
        if let prefix = filter.article {
            guard let article = try lookup(article: prefix).original else { return nil }
            conditions.append("c.article = ?")
            values.append(.text(article))
        }
        if let outlet = filter.outlet {
            let names = try outlets(matching: outlet)
            guard !names.isEmpty else { return nil }
            conditions.append("c.article IN (SELECT id FROM articles WHERE outlet IN (\(Self.placeholders(names.count))))")
            values.append(contentsOf: names.map { .text($0) })
        }
        if let story = filter.story {
            // A copy's claims (those it says in other words) are in its original's story.
            conditions.append("c.article IN (SELECT id FROM articles WHERE story = ? UNION "
                + "SELECT copies.id FROM copies JOIN articles ON articles.id = copies.original WHERE articles.story = ?)")
            values.append(contentsOf: [.text(story), .text(story)])
        }
        if let stance = filter.stance {
            conditions.append("c.stance = ?")
            values.append(.text(stance))
        }
        if filter.quotesOnly { conditions.append("c.quote = 1") }
        if filter.published {
            if filter.since != nil || filter.until != nil {
                let published = Self.timeBounds("published_at", since: filter.since, until: filter.until)
                conditions.append("c.article IN (SELECT id FROM articles WHERE "
                                  + (["published_at IS NOT NULL"] + published.conditions).joined(separator: " AND ") + ")")
                values += published.values
            }
        } else if streamed {
            // A stream's order is publishing's: a host that was cut off publishes its older
            // records late, so times do not rise with positions; each claim's time is compared.
            let times = Self.timeBounds("c.time", since: filter.since, until: filter.until)
            conditions += times.conditions
            values += times.values
        } else {
            // Record times rise with seq, so a time turns into a seq bound (one index probe)
            // and the newest-first scan by seq stops at the limit.
            if let since = filter.since {
                guard let first = try seqBound("SELECT min(seq) FROM claims WHERE time >= ?", since) else { return nil }
                conditions.append("c.seq >= \(first)")
            }
            if let until = filter.until {
                guard let last = try seqBound("SELECT max(seq) FROM claims WHERE time < ?", until) else { return nil }
                conditions.append("c.seq <= \(last)")
            }
        }
        if let words = filter.contains {
            let terms = SearchWords.words(words)
            guard !terms.isEmpty else { return nil }
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
        return (from, conditions, values)
    }

    private func seqBound(_ sql: String, _ time: String) throws(StoreError) -> Int64? {
        try database.prepare(sql).rows([.text(time)]) { $0.real(0).map { Int64($0) } }.first ?? nil
    }

    static func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ",")
    }

    /// Claimants whose canonical name is `name`, or holds its words in a row, ignoring
    /// case and accents ("Zelensky" finds "Volodymyr Zelensky"): candidates come from the
    /// word index, then the whole phrase is checked.
    func claimantIDs(matching name: String) throws(StoreError) -> [Int64] {
        let wanted = SearchWords.words(name)
        guard let rarest = wanted.first else { return [] }
        let candidates = try database.prepare("""
            SELECT c.id, c.canonical FROM claimant_words w JOIN claimants c ON c.id = w.claimant WHERE w.word = ?
            """).rows([.text(rarest)]) { ($0.integer(0), $0.text(1) ?? "") }
        return candidates.filter { SearchWords.contains($0.1, phrase: wanted) }.map(\.0)
    }

    /// The canonical names `--claimant` would match, for messages.
    public func claimants(matching name: String) throws(StoreError) -> [String] {
        let ids = try claimantIDs(matching: name)
        guard !ids.isEmpty else { return [] }
        return try database.prepare("SELECT canonical FROM claimants WHERE id IN (\(ids.map(String.init).joined(separator: ","))) ORDER BY canonical")
            .rows { $0.text(0) ?? "" }
    }

    /// The outlets whose name holds the words of `name` in a row, ignoring case and accents.
    public func outlets(matching name: String) throws(StoreError) -> [String] {
        let wanted = SearchWords.words(name)
        guard !wanted.isEmpty else { return [] }
        return try database.prepare("SELECT DISTINCT outlet FROM articles WHERE outlet IS NOT NULL ORDER BY outlet")
            .rows { $0.text(0) ?? "" }
            .filter { SearchWords.contains($0, phrase: wanted) }
    }
}

extension ClaimStore {
    /// Where the records of these claims lie in the log, by claim id, for answers that
    /// print a claim's record (or one of its figures) as the log holds it.
    public func records(ofClaims ids: [String]) throws(StoreError) -> [String: (seq: UInt64, location: RecordLocation)] {
        var found: [String: (seq: UInt64, location: RecordLocation)] = [:]
        found.reserveCapacity(ids.count)
        let batch = 500
        var start = 0
        while start < ids.count {
            let chunk = Array(ids[start..<min(ids.count, start + batch)])
            start += batch
            let sql = "SELECT id, seq, log_segment, log_offset FROM claims WHERE id IN (\(Self.placeholders(chunk.count)))"
            for row in try database.prepare(sql).rows(chunk.map { .text($0) }, { row in
                (row.text(0) ?? "", UInt64(max(0, row.integer(1))),
                 RecordLocation(segment: UInt64(max(0, row.integer(2))), offset: row.integer(3)))
            }) {
                found[row.0] = (row.1, row.2)
            }
        }
        return found
    }

    /// `column >= since` and `column < until` for the bounds given, with their values: a
    /// time's bounds as every filter takes them (inclusive since, exclusive until).
    static func timeBounds(_ column: String, since: String?, until: String?) -> (conditions: [String], values: [SQLValue]) {
        var bounds: (conditions: [String], values: [SQLValue]) = ([], [])
        if let since {
            bounds.conditions.append("\(column) >= ?")
            bounds.values.append(.text(since))
        }
        if let until {
            bounds.conditions.append("\(column) < ?")
            bounds.values.append(.text(until))
        }
        return bounds
    }
}
