/// The claims already in the record, by `ClaimKey`: which claim first recorded each. A
/// claim of a new article whose key is here is a report of that claim, not a new one.
///
/// An open-addressing table of three parallel arrays: the key, and the claim as its
/// article's 64-bit id (the 16 hex digits every article id is) and its number in the
/// article, so a claim costs 20 bytes a slot rather than a string. Claim ids that do not
/// have that form (`<16 hex digits>-<n>`) are kept as strings on the side.
struct SentenceMemory: Sendable {
    private var keys: [UInt64]
    private var articles: [UInt64]
    private var numbers: [UInt32]
    private var odd: [UInt64: String] = [:]
    private(set) var count = 0

    init(capacity: Int = 1024) {
        let size = max(16, 1 << (Int.bitWidth - (max(8, capacity) * 4 / 3).leadingZeroBitCount))
        keys = [UInt64](repeating: 0, count: size)
        articles = [UInt64](repeating: 0, count: size)
        numbers = [UInt32](repeating: 0, count: size)
    }

    /// Bytes the table holds.
    var memoryBytes: Int { keys.capacity * 8 + articles.capacity * 8 + numbers.capacity * 4 + odd.count * 48 }

    /// The claim that first recorded `key`.
    func claim(for key: ClaimKey) -> String? {
        let value = Self.stored(key)
        var slot = Self.home(value, keys.count)
        while true {
            let held = keys[slot]
            if held == 0 { return nil }
            if held == value {
                if numbers[slot] == 0 { return odd[value] }
                return ArticleNumber.id(articles[slot]) + "-\(numbers[slot])"
            }
            slot = (slot + 1) & (keys.count - 1)
        }
    }

    /// Records that `claim` is the first with `key`; a key already held keeps its claim.
    mutating func remember(_ key: ClaimKey, claim: String) {
        if (count + 1) * 4 > keys.count * 3 { grow() }
        let value = Self.stored(key)
        var slot = Self.home(value, keys.count)
        while keys[slot] != 0 {
            if keys[slot] == value { return }
            slot = (slot + 1) & (keys.count - 1)
        }
        keys[slot] = value
        if let (article, number) = Self.split(claim) {
            articles[slot] = article
            numbers[slot] = number
        } else {
            numbers[slot] = 0
            odd[value] = claim
        }
        count += 1
    }

    /// Zero marks an empty slot.
    private static func stored(_ key: ClaimKey) -> UInt64 { key.value == 0 ? 1 : key.value }

    private static func home(_ value: UInt64, _ size: Int) -> Int {
        Int(truncatingIfNeeded: value >> 20) & (size - 1)
    }

    /// `<16 hex digits>-<n>` as the article's number and `n` (1 or more).
    private static func split(_ claim: String) -> (UInt64, UInt32)? {
        let utf8 = claim.utf8
        guard utf8.count > 17, let dash = utf8.firstIndex(of: UInt8(ascii: "-")),
              utf8.distance(from: utf8.startIndex, to: dash) == 16,
              let article = ArticleNumber.parse(Substring(claim[..<dash])),
              let number = UInt32(claim[claim.index(after: dash)...]), number > 0 else { return nil }
        return (article, number)
    }

    private mutating func grow() {
        let oldKeys = keys, oldArticles = articles, oldNumbers = numbers
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        articles = [UInt64](repeating: 0, count: oldKeys.count * 2)
        numbers = [UInt32](repeating: 0, count: oldKeys.count * 2)
        for index in oldKeys.indices where oldKeys[index] != 0 {
            var slot = Self.home(oldKeys[index], keys.count)
            while keys[slot] != 0 { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = oldKeys[index]
            articles[slot] = oldArticles[index]
            numbers[slot] = oldNumbers[index]
        }
    }
}

/// An article id as the number its 16 lowercase hex digits spell.
enum ArticleNumber {
    static func parse(_ id: Substring) -> UInt64? {
        guard id.utf8.count == 16 else { return nil }
        var value: UInt64 = 0
        for byte in id.utf8 {
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            default: return nil
            }
            value = value << 4 | UInt64(digit)
        }
        return value
    }

    static func id(_ value: UInt64) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: 16) { buffer in
            for place in 0..<16 { buffer[place] = digits[Int((value >> UInt64(60 - place * 4)) & 0xF)] }
            return 16
        }
    }
}
