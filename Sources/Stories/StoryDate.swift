/// The day an article speaks for, as a count of days since 1970-01-01, and where it came
/// from: the article's own published date, or, failing that, the day the log recorded it
/// (which the publication can only precede).
public struct StoryDate: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case published
        case recorded
    }

    public var day: Int32
    public var kind: Kind

    public init(day: Int32, kind: Kind) {
        self.day = day
        self.kind = kind
    }

    /// The published date when it reads as one (`2024-04-09` or a timestamp that starts so),
    /// else the recorded time's day; nil when neither reads.
    public init?(published: String?, recorded: String) {
        if let published, let day = Self.day(of: published) {
            self.init(day: day, kind: .published)
        } else if let day = Self.day(of: recorded) {
            self.init(day: day, kind: .recorded)
        } else {
            return nil
        }
    }

    /// The days since 1970-01-01 of a date that begins `YYYY-MM-DD`, nil when it does not.
    public static func day(of text: String) -> Int32? {
        var digits: [Int] = []
        for (offset, byte) in text.utf8.prefix(10).enumerated() {
            switch offset {
            case 4, 7:
                guard byte == UInt8(ascii: "-") else { return nil }
            default:
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                digits.append(Int(byte - 0x30))
            }
        }
        guard digits.count == 8 else { return nil }
        let year = digits[0] * 1000 + digits[1] * 100 + digits[2] * 10 + digits[3]
        let month = digits[4] * 10 + digits[5]
        let day = digits[6] * 10 + digits[7]
        guard (1...12).contains(month), (1...31).contains(day) else { return nil }
        return Int32(daysFromCivil(year: year, month: month, day: day))
    }

    /// Howard Hinnant's days-from-civil: the proleptic Gregorian calendar, no tables.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shifted = month <= 2 ? year - 1 : year
        let era = (shifted >= 0 ? shifted : shifted - 399) / 400
        let yearOfEra = shifted - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
