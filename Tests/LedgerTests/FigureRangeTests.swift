import Testing
import EventLog
@testable import Ledger

@Suite struct FigureRangeTests {
    private func range(_ low: Double?, _ high: Double?, _ bound: FigureBound, unit: String? = nil) -> FigureRange? {
        FigureRange(low: low, high: high, bound: bound, unit: unit)
    }

    @Test("exact values agree only when equal")
    func exact() throws {
        let fourteen = try #require(range(14, 14, "exact"))
        #expect(fourteen.overlaps(try #require(range(14, 14, "exact"))))
        #expect(!fourteen.overlaps(try #require(range(19, 19, "exact"))))
    }

    @Test("a repeating fraction logged at nine significant digits and at seventeen is one value")
    func repeatingFraction() throws {
        let third = try #require(range(0.333333333, 0.333333333, "exact", unit: "ratio"))
        #expect(third == (try #require(range(1.0 / 3, 1.0 / 3, "exact", unit: "ratio"))))
        #expect(try #require(range(103.666666667, 103.666666667, "exact")) == (try #require(range(103.66666666666667, 103.66666666666667, "exact"))))
        #expect(try #require(range(4_099_999.9999999995, nil, "exact")).low == 4_100_000)
        #expect(try #require(range(155, 155, "exact")).low == 155)
        #expect(try #require(range(4_464_000, nil, "exact")).low == 4_464_000)
        #expect(try #require(range(1_234_567_891, nil, "exact")).low == 1_234_567_890)
        #expect(try #require(range(2.5e12, nil, "exact")).low == 2.5e12)
        #expect(try #require(range(0.015, nil, "exact")).low == 0.015)
        // Only digits beyond the ninth are forgiven: a third and 0.3334 still differ.
        #expect(!third.overlaps(try #require(range(0.3334, 0.3334, "exact", unit: "ratio"))))
        #expect(!(try #require(range(1_000_000, 1_000_000, "exact"))).overlaps(try #require(range(1_000_100, 1_000_100, "exact"))))
    }

    @Test("atLeast reaches to infinity: agrees with anything above its floor, conflicts below")
    func atLeast() throws {
        let atLeast26 = try #require(range(26, nil, "atLeast"))
        #expect(atLeast26.high == .infinity)
        #expect(atLeast26.overlaps(try #require(range(31, nil, "atLeast"))))
        #expect(atLeast26.overlaps(try #require(range(40, 40, "exact"))))
        #expect(!atLeast26.overlaps(try #require(range(14, 14, "exact"))))
        // The floor itself counts: "at least 150" and "150" agree.
        #expect(try #require(range(150, nil, "atLeast")).overlaps(try #require(range(150, 150, "exact"))))
    }

    @Test("atMost runs down to zero for counts and to minus infinity for percentages")
    func atMost() throws {
        let upTo = try #require(range(nil, 20_000, "atMost"))
        #expect(upTo.low == 0)
        #expect(upTo.overlaps(try #require(range(15_000, nil, "atLeast"))))
        #expect(!upTo.overlaps(try #require(range(25_000, 25_000, "exact"))))
        #expect(try #require(range(nil, 5, "atMost", unit: "percent")).low == -.infinity)
    }

    @Test("approximately widens by what rounding hides: some 12,000 is 11,500 to 12,500")
    func approximately() throws {
        let some12000 = try #require(range(12_000, 12_000, "approximately"))
        #expect(some12000.low == 11_500 && some12000.high == 12_500)
        #expect(!some12000.overlaps(try #require(range(11_000, 11_000, "exact"))))
        #expect(some12000.overlaps(try #require(range(12_300, 12_300, "exact"))))
        // Never narrower than 2%: "about 155" reaches 151.9 to 158.1.
        let about155 = try #require(range(155, 155, "approximately"))
        #expect(about155.low < 152 && about155.high > 158)
        // Rounded at the hundred millions, "around 3.5bn" would hide only 50 million either
        // way; the 2% floor makes it 3.43bn to 3.57bn.
        let bn = try #require(range(3.5e9, 3.5e9, "approximately", unit: "USD"))
        #expect(abs(bn.low - 3.43e9) < 1 && abs(bn.high - 3.57e9) < 1)
        #expect(!bn.overlaps(try #require(range(4e9, 5e9, "range", unit: "USD"))))
    }

    @Test("a vague amount with only a floor is open above: thousands of means at least a couple of thousand")
    func vague() throws {
        let thousands = try #require(range(2_000, nil, "approximately"))
        #expect(thousands.low == 2_000 && thousands.high == .infinity)
        #expect(thousands.overlaps(try #require(range(11_000, 11_000, "exact"))))
        #expect(!thousands.overlaps(try #require(range(150, 150, "exact"))))
    }

    @Test("range is its two ends, in either order; a figure with no number has no range")
    func rangeAndNothing() throws {
        let sixtyToSeventy = try #require(range(70, 60, "range", unit: "percent"))
        #expect(sixtyToSeventy.low == 60 && sixtyToSeventy.high == 70)
        #expect(sixtyToSeventy.overlaps(try #require(range(65, 65, "exact"))))
        #expect(!sixtyToSeventy.overlaps(try #require(range(40, 40, "approximately"))))
        #expect(range(nil, nil, "exact") == nil)
        #expect(range(nil, nil, "approximately") == nil)
    }
}
