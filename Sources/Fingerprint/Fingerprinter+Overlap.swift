extension Fingerprinter {
    /// The exact set of a normalized text's shingles, hashed as fingerprints hash them.
    public func shingleSet(text: String) -> ShingleSet {
        // About one shingle per six bytes of news prose: sized so the set rarely grows.
        let collector = ShingleCollector(set: ShingleSet(expected: text.utf8.count / 6))
        return ShingleScanner.hash(text, size: parameters.shingleSize, seed: parameters.seed, into: collector).set
    }

    /// A text's shingles in order, with their set.
    func shingleSequence(text: String) -> ShingleSequence {
        ShingleScanner.hash(text, size: parameters.shingleSize, seed: parameters.seed,
                            into: ShingleSequence(expected: text.utf8.count / 6))
    }

    /// How a new text (and its body) overlaps an earlier text, counted exactly.
    func overlap(of new: ShingleSequence, body: ShingleSequence, withText old: String) -> ShingleOverlap {
        let positions = ShingleScanner.hash(old, size: parameters.shingleSize, seed: parameters.seed,
                                            into: ShinglePositions(expected: old.utf8.count / 6))
        var shared = 0, bodyShared = 0
        new.set.forEach { if positions.position(of: $0) != nil { shared += 1 } }
        body.set.forEach { if positions.position(of: $0) != nil { bodyShared += 1 } }
        return ShingleOverlap(newCount: new.set.count, oldCount: positions.count, shared: shared,
                              sharedInOrder: new.inOrder(in: positions), bodyCount: body.set.count, bodyShared: bodyShared,
                              bodyInOrder: body.inOrder(in: positions))
    }

    /// How a new text overlaps an earlier one, the whole new text counted as its body.
    public func overlap(of new: String, with old: String) -> ShingleOverlap {
        let sequence = shingleSequence(text: new)
        return overlap(of: sequence, body: sequence, withText: old)
    }

    /// Confirms the index's candidates for a new text on exact shingle sets: the new text's
    /// set is made once, each candidate's from its text (`text(ordinal)`, nil when it cannot
    /// be had). An exact candidate needs no comparison and ends the search: the same text
    /// adds nothing. `body` is the new text without its title lines (headline, site lines):
    /// whether it lies inside an earlier text is judged on the body, since a copy's new
    /// headline says nothing about what it copies. Returns the relations found, the
    /// strongest first, and the candidates whose text was missing.
    public func confirm(
        _ text: String, body: String? = nil, candidates: [CopyCandidate], text earlier: (UInt32) -> String?
    ) -> (relations: [CopyRelation], unconfirmed: [CopyCandidate]) {
        if let exact = candidates.first(where: \.exact) {
            let overlap = ShingleOverlap(newCount: 1, oldCount: 1, shared: 1)
            return ([CopyRelation(kind: .exact, ordinal: exact.ordinal, overlap: overlap)], [])
        }
        guard !candidates.isEmpty else { return ([], []) }
        let sequence = shingleSequence(text: text)
        let bodySequence = body.map { shingleSequence(text: $0) }.flatMap { $0.set.count == 0 ? nil : $0 } ?? sequence
        var relations: [CopyRelation] = []
        var unconfirmed: [CopyCandidate] = []
        for candidate in candidates {
            guard let old = earlier(candidate.ordinal) else {
                unconfirmed.append(candidate)
                continue
            }
            let measured = overlap(of: sequence, body: bodySequence, withText: old)
            relations.append(CopyRelation.judge(measured, ordinal: candidate.ordinal, parameters: parameters))
        }
        relations.sort { CopyRelation.ranks($0, above: $1) }
        return (relations, unconfirmed)
    }
}

extension Fingerprinter {
    /// The share of a passage's distinct shingles (a sentence of a new article) found in an
    /// earlier text's set. A passage shorter than one shingle counts as not found.
    public func share(of passage: String, in set: ShingleSet) -> Double {
        guard !passage.isEmpty else { return 0 }
        let counter = SharedShingleCounter(other: set, own: ShingleSet(expected: passage.utf8.count / 6))
        let counted = ShingleScanner.hash(passage, size: parameters.shingleSize, seed: parameters.seed, into: counter)
        return counted.own.count == 0 ? 0 : Double(counted.shared) / Double(counted.own.count)
    }
}
