/// A held-out style set of number-range and money expressions, in sentences the project writes
/// itself: how many of them are read right is the measure of figure reading.
enum ReadingSet {
    static var all: [ReadingSetCase] { ranges + bounds + twoBounds + words + money + signs + percentages }

    /// Expressions still read wrong, each with the class it belongs to; a case that starts to
    /// read right must leave this list (its test fails until it does).
    static let knownMisses: Set<String> = []
}
