import Testing
@testable import Fingerprint

@Suite struct BandTableTests {
    /// Keys from a small range (many shared keys), the extremes, and a cluster at the top
    /// whose runs spill past the last home slot.
    static func keys(_ count: Int) -> [UInt32] {
        var state: UInt64 = 42
        return (0..<count).map { index in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            switch index % 7 {
            case 0: return UInt32.max
            case 1: return 0
            case 2: return UInt32.max - UInt32(truncatingIfNeeded: state >> 60)
            case 3: return UInt32(truncatingIfNeeded: state >> 54)
            default: return UInt32(truncatingIfNeeded: state >> 32)
            }
        }
    }

    @Test("every posting is found under its key through growth, shifts and spills")
    func lookups() {
        var table = BandTable(capacity: 16)
        var expected = [UInt32: Set<UInt32>]()
        for (ordinal, key) in Self.keys(5_000).enumerated() {
            table.insert(key: key, ordinal: UInt32(ordinal))
            expected[key, default: []].insert(UInt32(ordinal))
            if ordinal % 500 == 499 || ordinal < 40 {
                for (key, ordinals) in expected {
                    var found = [UInt32]()
                    table.forEach(key: key) { found.append($0) }
                    #expect(Set(found) == ordinals && found.count == ordinals.count)
                }
            }
        }
        var absent = [UInt32]()
        for key: UInt32 in [1, 12_345, UInt32.max - 1_000] where expected[key] == nil {
            table.forEach(key: key) { absent.append($0) }
        }
        #expect(absent.isEmpty)
        #expect(table.count == 5_000)
    }

    @Test("occupied slots stay sorted, each at or after its home, and the last slot is empty")
    func invariants() {
        var table = BandTable(capacity: 16)
        for (ordinal, key) in Self.keys(3_000).enumerated() { table.insert(key: key, ordinal: UInt32(ordinal)) }
        let occupied = table.slots.enumerated().filter { $0.element != BandTable.emptySlot }
        #expect(occupied.map(\.element) == occupied.map(\.element).sorted())
        #expect(occupied.allSatisfy { $0.offset >= table.home(UInt32(truncatingIfNeeded: $0.element >> 32)) })
        #expect(table.slots.last == BandTable.emptySlot)
    }
}
