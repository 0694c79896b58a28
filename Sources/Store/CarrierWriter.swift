/// Keeps `carriers`, which articles carry each claim, and the `copies` of each figure (its
/// claim's carriers but the first) in step with it, as claims, repeats and copies arrive.
///
/// A copy event lists the claims it carries (`reports`); an older one does not, and then the
/// copy carries whatever its original carries, claims recorded after the copy included.
final class CarrierWriter {
    private let insert: Statement
    private let countFigures: Statement
    private let count: Statement
    private let carriedBy: Statement
    private let unlistedCopies: Statement

    init(database: Database) throws(StoreError) {
        insert = try database.prepare("INSERT OR IGNORE INTO carriers(claim, article) VALUES(?, ?)")
        countFigures = try database.prepare("UPDATE figures SET copies = copies + 1 WHERE claim = ?")
        count = try database.prepare("SELECT count(*) FROM carriers WHERE claim = ?")
        carriedBy = try database.prepare("SELECT claim FROM carriers WHERE article = ?")
        unlistedCopies = try database.prepare("SELECT id FROM copies WHERE original = ? AND listed = 0")
        self.database = database
    }

    private let database: Database

    /// `article` (an article in the record) carries `claim`, and so do its unlisted copies.
    /// Returns how many articles now carry the claim.
    @discardableResult
    func add(claim: String, carriedBy article: String, first: Bool = false) throws(StoreError) -> Int {
        // A claim's first carrier is the article that records it, before it has figures.
        try carry(claim, by: article, counting: !first)
        var carried = 1
        for copy in try unlistedCopies.rows([.text(article)], { $0.text(0) ?? "" }) {
            try carry(claim, by: copy, counting: !first)
            carried += 1
        }
        guard !first else { return carried }
        return Int(try count.rows([.text(claim)]) { $0.integer(0) }.first ?? 1)
    }

    /// A copy carries the claims it lists, or, unlisted, every claim of its original.
    func add(copy: String, of original: String, reports: [String]?) throws(StoreError) {
        var claims = reports ?? []
        if reports == nil { claims = try carriedBy.rows([.text(original)]) { $0.text(0) ?? "" } }
        for claim in claims { try carry(claim, by: copy) }
    }

    private func carry(_ claim: String, by article: String, counting: Bool = true) throws(StoreError) {
        try insert.run([.text(claim), .text(article)])
        if counting, database.changes > 0 { try countFigures.run([.text(claim)]) }
    }
}
