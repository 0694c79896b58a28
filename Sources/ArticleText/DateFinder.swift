/// Finds a calendar date in free text ("April 9, 2025", "9 Apr 2025", "Sept. 26, 2016",
/// "2025-04-09T10:00:00Z") and returns it as ISO 8601. A date without a year is not returned
/// here: `YearlessDate` reads those, and completes them only from the article's metadata.
public enum DateFinder {
    static let months: [String: Int] = [
        "jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
        "may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8, "sep": 9,
        "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
        "dec": 12, "december": 12,
    ]

    public static func firstDate(in text: String) -> String? {
        if let iso = isoDate(in: text) { return iso }
        let words = wordsAndNumbers(text.prefix(400))
        for index in words.indices {
            guard let month = months[words[index].lowercased()] else { continue }
            // Month Day, Year
            if index + 2 < words.count, let day = Int(words[index + 1]), let year = Int(words[index + 2]) {
                if let date = format(year, month, day) { return date }
            }
            // Day Month Year
            if index >= 1, index + 1 < words.count, let day = Int(words[index - 1]), let year = Int(words[index + 1]) {
                if let date = format(year, month, day) { return date }
            }
        }
        return nil
    }

    static func format(_ year: Int, _ month: Int, _ day: Int) -> String? {
        guard (1900...2200).contains(year), (1...31).contains(day) else { return nil }
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }

    /// `YYYY-MM-DD`, with a following `Thh:mm[:ss][.fff][Z|±hh:mm]` kept as written.
    static func isoDate(in text: String) -> String? {
        let scalars = Array(text.unicodeScalars.prefix(400))
        func digit(_ index: Int) -> Bool { index < scalars.count && scalars[index].value &- 0x30 < 10 }
        var index = 0
        while index + 10 <= scalars.count {
            if (0..<4).allSatisfy({ digit(index + $0) }), scalars[index + 4] == "-", digit(index + 5), digit(index + 6),
               scalars[index + 7] == "-", digit(index + 8), digit(index + 9), index == 0 || !digit(index - 1) {
                var end = index + 10
                if end < scalars.count, scalars[end] == "T" || scalars[end] == " ", digit(end + 1), digit(end + 2),
                   end + 3 < scalars.count, scalars[end + 3] == ":" {
                    end += 1
                    while end < scalars.count, digit(end) || ":.+-Z".unicodeScalars.contains(scalars[end]) { end += 1 }
                }
                let month = Int(String(String.UnicodeScalarView(scalars[(index + 5)..<(index + 7)]))) ?? 0
                guard (1...12).contains(month) else { index += 1; continue }
                return String(String.UnicodeScalarView(scalars[index..<end]))
            }
            index += 1
        }
        return nil
    }

    static func wordsAndNumbers(_ text: Substring) -> [String] {
        var words = [String]()
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.value &- 0x30 < 10 {
                current.append(scalar)
            } else if !current.isEmpty {
                words.append(String(current))
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { words.append(String(current)) }
        return words
    }
}
