import Claims
import Testing

/// Units of measure glued to their number, and "m" after digits read as metres or millions
/// from what surrounds it. Every sentence is the project's own.
@Suite struct FigureMeasureTests {
    typealias Case = FigureCase

    static func exact(_ sentence: String, _ value: Double, _ unit: String? = nil, counted: String? = nil) -> Case {
        Case(sentence: sentence, low: value, high: value, bound: .exact, unit: unit, counted: counted)
    }

    static let metres: [Case] = [
        exact("The new pier is 420m long.", 420),
        exact("Engineers built a 640m wall along the shore.", 640),
        exact("She won the 200m sprint in Lyon.", 200),
        exact("The shaft reaches 85m deep under the quarry.", 85),
        exact("Residents within a 500m radius were moved.", 500),
        exact("The hikers stopped 150m below the summit.", 150),
    ]

    static let millions: [Case] = [
        exact("The harbour board signed a £420m deal.", 420_000_000, "GBP"),
        exact("The council borrowed $640m last spring.", 640_000_000, "USD"),
        exact("The county has 3m residents.", 3_000_000, counted: "residents"),
        exact("The firm raised €85m long before the float.", 85_000_000, "EUR"),
    ]

    static let glued: [Case] = [
        exact("The crate weighs 34kg.", 34),
        exact("The cyclists rode 42km before noon.", 42),
        exact("The barge took on 15t of gravel.", 15),
        exact("The jug holds 1.5l of milk.", 1.5),
        exact("The flood left 80mm of silt in the hall.", 80),
        exact("Gusts touched 95mph on the ridge.", 95, "mph"),
        exact("The coach kept to 90kph on the motorway.", 90, "km/h"),
        exact("The roof panels give 12kW at noon.", 12),
    ]

    @Test("m after digits is metres when a word of length follows", arguments: metres)
    func metre(_ example: Case) throws { try example.check() }

    @Test("m after digits stays millions with money or a counted noun", arguments: millions)
    func million(_ example: Case) throws { try example.check() }

    @Test("a unit glued to its digits gives the number, money never", arguments: glued)
    func gluedUnit(_ example: Case) throws { try example.check() }

    @Test("ordinals, decades and clock times with a glued suffix are still no figures")
    func stillExcluded() {
        for sentence in ["She finished 3rd in the heat.", "Prices rose in the 1990s.", "The train left at 6pm."] {
            #expect(ClaimExtractor().figures(in: sentence).isEmpty, "\(sentence)")
        }
    }
}
