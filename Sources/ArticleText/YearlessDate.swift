/// A month and day written without a year, as datelines often are ("WASHINGTON, March 4
/// (Reuters) —", "Tuesday, March 4"). It becomes a published date only when the article's
/// other metadata supplies the year; otherwise `published` stays absent.
///
/// Where the year may come from, and where it may not:
/// - the article's URL, when a path segment is a year ("/2025/03/04/slug"); news sites put
///   the publication date there, and a month segment that disagrees discards it;
/// - a date the article cannot be newer than: its modification or retrieval time
///   (`article:modified_time`, `dateModified`, a record's `updated_at` or `scraped_at`).
///   Publication precedes it, so the year is that date's year, or the year before when the
///   month and day fall after it (a March 4 story fetched on February 1 is last year's).
/// - Never the years in the body (a story cites "since 2019" and "by 2030"), the file's
///   time or today's date: those are guesses, and a wrong date is worse than none.
/// A weekday in the dateline must agree with the completed date, or the date is dropped.
struct YearlessDate: Sendable, Equatable {
    let month: Int
    let day: Int
    /// 1 (Monday) … 7 (Sunday), when the text names one.
    let weekday: Int?

    static let weekdays: [String: Int] = [
        "monday": 1, "mon": 1, "tuesday": 2, "tue": 2, "tues": 2, "wednesday": 3, "wed": 3,
        "thursday": 4, "thu": 4, "thurs": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6,
        "sunday": 7, "sun": 7,
    ]

    /// A month and day in a short date line ("Tuesday, March 4", "Published March 4,
    /// 10:32 AM"): few words before it and few after, so that a sentence merely mentioning
    /// a day ("Sign up for our March 15 webinar") is not taken for the article's date.
    static func inDateLine(_ text: String) -> YearlessDate? {
        let words = DateFinder.wordsAndNumbers(Substring(text))
        guard let (found, monthIndex, dayIndex) = first(in: words) else { return nil }
        let before = min(monthIndex, dayIndex)
        let after = words.count - 1 - max(monthIndex, dayIndex)
        guard before <= 3, after <= 4 else { return nil }
        return found
    }

    /// A month and day opening a body paragraph as a dateline: followed, after an optional
    /// parenthesised agency, by a dash ("March 4 —", "KYIV, 4 March (Reuters) -").
    static func inDateline(_ opening: String) -> YearlessDate? {
        let words = DateFinder.wordsAndNumbers(Substring(opening))
        guard let (found, monthIndex, dayIndex) = first(in: words) else { return nil }
        let last = max(monthIndex, dayIndex)
        // Find the date's last word in the scalars and look at what follows it.
        let scalars = Array(opening.unicodeScalars)
        var seen = 0
        var index = 0
        var inWord = false
        var end = -1
        while index < scalars.count {
            let wordScalar = scalars[index].properties.isAlphabetic || scalars[index].value &- 0x30 < 10
            if wordScalar, !inWord {
                seen += 1
                inWord = true
            } else if !wordScalar {
                if inWord, seen == last + 1 {
                    end = index
                    break
                }
                inWord = false
            }
            index += 1
        }
        guard end >= 0 else { return nil }
        var rest = scalars[end...].drop { $0 == " " || $0 == "\u{A0}" }
        if rest.first == "(", let close = rest.firstIndex(of: ")") {
            rest = scalars[(close + 1)...].drop { $0 == " " || $0 == "\u{A0}" }
        }
        guard let mark = rest.first, "—–-".unicodeScalars.contains(mark) else { return nil }
        return found
    }

    /// The first "Month Day" or "Day Month" among `words`, the month capitalised (so the
    /// verb "may" is no month), with the weekday named just before it if any.
    static func first(in words: [String]) -> (YearlessDate, month: Int, day: Int)? {
        for index in words.indices {
            let word = words[index]
            guard let initial = word.unicodeScalars.first, initial.properties.isUppercase,
                  let month = DateFinder.months[word.lowercased()] else { continue }
            var dayIndex: Int?
            if index + 1 < words.count, let day = Int(words[index + 1]), words[index + 1].count <= 2, day >= 1 {
                dayIndex = index + 1
            } else if index >= 1, let day = Int(words[index - 1]), words[index - 1].count <= 2, day >= 1 {
                dayIndex = index - 1
            }
            guard let dayIndex, let day = Int(words[dayIndex]), day <= 31 else { continue }
            let first = min(index, dayIndex)
            let weekday = first >= 1 ? weekdays[words[first - 1].lowercased()] : nil
            return (YearlessDate(month: month, day: day, weekday: weekday), index, dayIndex)
        }
        return nil
    }

    /// The ISO date (`YYYY-MM-DD`) with the year taken from the URL or from a later date,
    /// or nil when neither gives one, the day does not exist that year, or the weekday disagrees.
    func completed(url: String?, laterDate: String?) -> String? {
        var year: Int?
        if let url, let fromURL = Self.urlYear(url, month: month) {
            year = fromURL
        } else if let later = laterDate.flatMap(Self.yearMonthDay) {
            year = (month, day) <= (later.month, later.day) ? later.year : later.year - 1
        }
        guard let year, day <= Self.days(inMonth: month, year: year) else { return nil }
        if let weekday, weekday != Self.weekday(year: year, month: month, day: day) { return nil }
        return DateFinder.format(year, month, day)
    }

    /// A path segment that is a year (1900…2200), unless the segment after it is a month
    /// other than `month`.
    static func urlYear(_ url: String, month: Int) -> Int? {
        var segments = url.prefix { $0 != "?" && $0 != "#" }.split(separator: "/", omittingEmptySubsequences: true)[...]
        // "https://host/…" and "//host/…" carry a host before the path; "/…" does not.
        if !url.hasPrefix("/") || url.hasPrefix("//") {
            if segments.first?.hasSuffix(":") == true { segments = segments.dropFirst() }
            segments = segments.dropFirst()
        }
        for (offset, segment) in zip(segments.indices, segments) {
            guard segment.count == 4, segment.allSatisfy(\.isASCII), let year = Int(segment), (1900...2200).contains(year) else {
                continue
            }
            let next = segments.index(after: offset)
            if next < segments.endIndex, segments[next].count <= 2, let urlMonth = Int(segments[next]), urlMonth != month {
                return nil
            }
            return year
        }
        return nil
    }

    /// Year, month and day of a date with a year, in any form `DateFinder` reads.
    static func yearMonthDay(_ text: String) -> (year: Int, month: Int, day: Int)? {
        guard let iso = DateFinder.firstDate(in: text) else { return nil }
        let parts = iso.prefix(10).split(separator: "-").compactMap { Int($0) }
        guard parts.count == 3 else { return nil }
        return (parts[0], parts[1], parts[2])
    }

    static func days(inMonth month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO weekday (1 = Monday) of a Gregorian date, by Sakamoto's method.
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        let offsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let y = month < 3 ? year - 1 : year
        let sundayBased = (y + y / 4 - y / 100 + y / 400 + offsets[month - 1] + day) % 7
        return sundayBased == 0 ? 7 : sundayBased
    }
}
