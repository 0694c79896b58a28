package import EventLog

/// How the figures ledger writes a value and its bound for eyes: "≥ 155", "≈ 12,000",
/// "60–70 %", "EUR 40,000,000".
package enum FigureText {
    package static func value(low: Double?, high: Double?, bound: FigureBound, unit: String?) -> String {
        let lowText = low.map(number), highText = high.map(number)
        let core: String = switch bound {
        case .atLeast: "≥ " + (lowText ?? highText ?? "?")
        case .atMost: "≤ " + (highText ?? lowText ?? "?")
        case .approximately: high == nil && low != nil ? "≥ ~" + (lowText ?? "?") : "≈ " + (lowText ?? highText ?? "?")
        case .range: (lowText ?? "?") + "–" + (highText ?? "?")
        case .exact, .unknown: lowText ?? highText ?? "?"
        }
        guard let unit else { return core }
        return unit == "percent" ? core + " %" : unit + " " + core
    }

    package static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 {
            // Grouped by hand: a NumberFormatter per figure cost milliseconds each (ICU
            // set-up), seconds for a large topic.
            let whole = Int64(value)
            var digits = Array(String(whole.magnitude))
            var grouped: [Character] = []
            grouped.reserveCapacity(digits.count + digits.count / 3 + 1)
            for (index, digit) in digits.enumerated() {
                if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
                grouped.append(digit)
            }
            digits = grouped
            return (whole < 0 ? "-" : "") + String(digits)
        }
        return String(value)
    }
}
