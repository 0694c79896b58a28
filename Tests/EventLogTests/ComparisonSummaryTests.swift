import Testing
@testable import EventLog

/// How `claimwatch tail` shows a comparison on a terminal.
@Suite struct ComparisonSummaryTests {
    private func line(for payload: FigureCompared) throws -> String {
        let folder = TemporaryDirectory("summary")
        let writer = try EventLogWriter(configuration: .init(directory: folder.path))
        _ = try writer.enqueue(payload)
        try writer.flush()
        try writer.close()
        guard case let .record(record)? = try LogCursor(directory: folder.path).next() else { return "" }
        return EventSummary.line(for: record)
    }

    @Test("a conflict leads with a mark and names the figures it conflicts with; an agreement says so")
    func comparison() throws {
        let conflict = try line(for: FigureCompared(
            claim: "b-1", index: 0, article: "b", topic: "0123456789abcdef", label: "people", text: "at least 31 people",
            low: 31, high: nil, bound: "atLeast", unit: nil, agrees: [.init(claim: "c-2", index: 1)],
            conflicts: [.init(claim: "a-3", index: 0)]))
        #expect(conflict.contains("figure.compared  ✗ CONFLICT \"at least 31 people\" (people) topic=01234567"))
        #expect(conflict.contains("conflicts with 1: a-3#0; agrees with 1"))
        let agreement = try line(for: FigureCompared(
            claim: "b-1", index: 0, article: "b", topic: "t", label: "people", text: "9 people", low: 9, high: 9,
            bound: "exact", unit: nil, agrees: [.init(claim: "c-2", index: 1)], conflicts: []))
        #expect(agreement.contains("✓ agrees \"9 people\""))
        #expect(agreement.contains("with 1: c-2#1"))
    }
}
