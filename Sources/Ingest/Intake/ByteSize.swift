import Foundation

/// A size as people write one, the same in `claimwatch ingest --max-file-size` and in
/// every claimwatchd setting: `20M`, `20MiB`, `20 MB`, `512k`, `1G`, or a plain number of
/// bytes. Multiples are binary whichever spelling is used.
public enum ByteSize {
    public static let forms = "a number of bytes, or one with a unit: 512k, 20M, 1G (KiB, MiB, GiB also read)"

    public static func parse(_ text: String) throws(IngestError) -> Int {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let digits = trimmed.prefix { $0.isASCII && $0.isNumber }
        let unit = trimmed.dropFirst(digits.count).trimmingCharacters(in: .whitespaces).lowercased()
        guard let number = Int(digits) else { throw .configuration("'\(text)' is not a size: expected \(forms)") }
        let multiplier: Int
        switch unit {
        case "", "b": multiplier = 1
        case "k", "kb", "kib": multiplier = 1 << 10
        case "m", "mb", "mib": multiplier = 1 << 20
        case "g", "gb", "gib": multiplier = 1 << 30
        default: throw .configuration("'\(text)': unknown size unit '\(unit)' (use k, M or G)")
        }
        let (bytes, overflow) = number.multipliedReportingOverflow(by: multiplier)
        guard !overflow else { throw .configuration("'\(text)' is too large") }
        return bytes
    }
}
