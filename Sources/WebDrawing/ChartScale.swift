import Foundation

/// The value axis: linear from zero (or the lowest value, when one is negative) to a
/// round number above the highest; logarithmic when the values span more than three
/// orders of magnitude, where a linear axis would press the small ones into one pixel.
struct ValueScale: Equatable {
    let low: Double
    let high: Double
    let logarithmic: Bool

    /// The widest the axis reaches either way, and the least a logarithmic one starts at:
    /// beyond them a span, a step or a power of ten would overflow or underflow, and the
    /// ticks never end. A value past them is drawn at the axis's end.
    static let limit = 1e300

    init(values: [Double]) {
        let finite = values.filter(\.isFinite).map { min(max($0, -Self.limit), Self.limit) }
        let smallest = finite.min() ?? 0, largest = finite.max() ?? 1
        let positive = finite.filter { $0 > 0 }
        if smallest >= 0, let least = positive.min().map({ max($0, 1 / Self.limit) }), largest / least > 1000 {
            low = pow(10, floor(log10(least)))
            high = pow(10, ceil(log10(largest * 1.05)))
            logarithmic = true
            return
        }
        let bottom = min(0, smallest)
        var top = max(largest, bottom + 1)
        top += (top - bottom) * 0.08
        let step = Self.step(for: top - bottom)
        low = (bottom / step).rounded(.down) * step
        high = (top / step).rounded(.up) * step
        logarithmic = false
    }

    /// Where `value` lies between `bottom` (the low end, a larger y) and `top`.
    func position(_ value: Double, top: Double, bottom: Double) -> Double {
        let share: Double
        if logarithmic {
            guard value > 0 else { return bottom }
            share = (log10(value) - log10(low)) / (log10(high) - log10(low))
        } else {
            share = (value - low) / (high - low)
        }
        return bottom - min(1, max(0, share)) * (bottom - top)
    }

    /// The values the axis is labelled at (never more than `maximumTicks`).
    var ticks: [Double] {
        var ticks: [Double] = []
        let step = Self.step(for: high - low)
        var value = low
        while value <= (logarithmic ? high * 1.000001 : high + step * 1e-9), ticks.count < Self.maximumTicks {
            ticks.append(value)
            let next = logarithmic ? value * 10 : value + step
            // A step lost in the value's precision would never reach the top.
            guard next > value else { break }
            value = next
        }
        return ticks
    }

    /// A logarithmic axis from 10⁻³⁰⁰ to 10³⁰⁰ has 601; a linear one about five.
    static let maximumTicks = 12

    /// A round step (1, 2 or 5 times a power of ten) giving about four intervals.
    static func step(for span: Double) -> Double {
        guard span > 0, span.isFinite else { return 1 }
        let rough = span / 4
        let power = pow(10, floor(log10(rough)))
        let leading = rough / power
        let factor: Double = leading <= 1 ? 1 : leading <= 2 ? 2 : leading <= 5 ? 5 : 10
        return factor * power
    }
}

/// The date axis, in days since 1970-01-01; a single day is shown with a day either side.
struct DayScale: Equatable {
    let first: Int32
    let last: Int32

    init(days: [Int32]) {
        let earliest = days.min() ?? 0, latest = days.max() ?? 0
        if earliest == latest {
            first = earliest - 1
            last = latest + 1
        } else {
            first = earliest
            last = latest
        }
    }

    func position(_ day: Int32, left: Double, right: Double) -> Double {
        left + Double(day - first) / Double(last - first) * (right - left)
    }

    /// Width of one day on the axis.
    func dayWidth(left: Double, right: Double) -> Double {
        (right - left) / Double(last - first)
    }

    /// Up to five days to label, evenly spread, ends included.
    var ticks: [Int32] {
        let span = Int(last - first)
        let count = min(span, 4)
        guard count > 0 else { return [first] }
        var ticks: [Int32] = []
        for step in 0...count {
            let day = first + Int32((span * step + count / 2) / count)
            if ticks.last != day { ticks.append(day) }
        }
        return ticks
    }

    /// `YYYY-MM-DD` of a day count (Howard Hinnant's civil-from-days).
    static func label(_ day: Int32) -> String {
        let shifted = Int(day) + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthShifted = (5 * dayOfYear + 2) / 153
        let dayOfMonth = dayOfYear - (153 * monthShifted + 2) / 5 + 1
        let month = monthShifted < 10 ? monthShifted + 3 : monthShifted - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(year)-\(two(month))-\(two(dayOfMonth))"
    }
}
