import Testing
@testable import Ledger

/// The radix sort behind topic views, against the standard library's sort.
@Suite struct StableOrderTests {
    @Test("double keys order as the doubles do, -0 and 0 alike")
    func doubleKeys() {
        let values: [Double] = [-.infinity, -.greatestFiniteMagnitude, -12_500, -1, -.leastNonzeroMagnitude, -0.0, 0,
                                .leastNonzeroMagnitude, 0.5, 1, 11_500, 12_500, .greatestFiniteMagnitude, .infinity]
        for first in values {
            for second in values {
                #expect((StableOrder.key(first) < StableOrder.key(second)) == (first < second), "\(first) \(second)")
                #expect((StableOrder.key(first) == StableOrder.key(second)) == (first == second), "\(first) \(second)")
            }
        }
    }

    @Test("positions come out sorted by key, equal keys in their order, from any starting order")
    func matchesSort() {
        var state: UInt64 = 3
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 11
        }
        for size in [0, 1, 2, 7, 300, 5_000] {
            // Few distinct keys (many ties), spread over every byte.
            let pool = (0..<(1 + size / 10)).map { _ in next() &* 0x9E37_79B9_7F4A_7C15 }
            let keys = (0..<size).map { _ in pool[Int(next() % UInt64(pool.count))] }
            let expected = keys.indices.sorted { keys[$0] == keys[$1] ? $0 < $1 : keys[$0] < keys[$1] }
            #expect(StableOrder.positions(by: keys) == expected)
            let start = Array(keys.indices.reversed())
            let fromStart = start.enumerated().sorted { left, right in
                keys[left.element] == keys[right.element] ? left.offset < right.offset : keys[left.element] < keys[right.element]
            }.map(\.element)
            #expect(StableOrder.positions(by: keys, from: start) == fromStart)
            let doubles = keys.map { Double(Int64(bitPattern: $0) % 1_000) / 4 }
            #expect(StableOrder.positions(by: doubles.map(StableOrder.key))
                    == doubles.indices.sorted { doubles[$0] == doubles[$1] ? $0 < $1 : doubles[$0] < doubles[$1] })
        }
    }
}
