/// Substring tests over byte arrays, for the folded (lowercased ASCII) text of a block and
/// for raw log lines.
extension Array where Element == UInt8 {
    func hasBytePrefix(_ prefix: [UInt8]) -> Bool {
        guard prefix.count <= count else { return false }
        for index in 0..<prefix.count where self[index] != prefix[index] { return false }
        return true
    }

    func hasByteSuffix(_ suffix: [UInt8], endingAt end: Int) -> Bool {
        guard suffix.count <= end else { return false }
        let start = end - suffix.count
        for index in 0..<suffix.count where self[start + index] != suffix[index] { return false }
        return true
    }

    /// Whether `needle` occurs in `self[from...]`.
    public func containsBytes(_ needle: [UInt8], from start: Int = 0) -> Bool {
        guard let first = needle.first, needle.count <= count - start else { return false }
        var index = Swift.max(0, start)
        let last = count - needle.count
        while index <= last {
            if self[index] == first {
                var matched = 1
                while matched < needle.count, self[index + matched] == needle[matched] { matched += 1 }
                if matched == needle.count { return true }
            }
            index += 1
        }
        return false
    }
}
