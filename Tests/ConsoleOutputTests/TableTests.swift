import ConsoleOutput
import Testing

@Suite struct TableTests {
    let long = String(repeating: "word ", count: 40) + "end"

    @Test("without a terminal the last column is never cut")
    func noTerminal() {
        let table = Table.render(header: ["A", "TEXT"], rows: [["x", long]], width: nil)
        #expect(table.split(separator: "\n")[1].hasSuffix("end"))
    }

    @Test("on a terminal every line fits its width, the last column ending in an ellipsis")
    func fitted() {
        for width in [40, 80, 120] {
            let table = Table.render(header: ["ID", "TEXT"], rows: [["abc", long], ["abcdef", "short"]], width: width)
            for line in table.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= width) }
            #expect(table.contains("…"))
            #expect(table.contains("short"))
        }
    }

    @Test("when the other columns alone are too wide, the widest of them give way too, and every line still fits")
    func othersGiveWay() {
        let wide = String(repeating: "x", count: 100)
        let table = Table.render(header: ["ID", "NAME", "TEXT"], rows: [["e1aa0000", wide, long]], width: 60)
        for line in table.split(separator: "\n") { #expect(DisplayWidth.of(String(line)) <= 60) }
        let row = table.split(separator: "\n")[1]
        #expect(row.hasPrefix("e1aa0000  "), "short columns are kept whole")
        #expect(row.contains("word"), "the text keeps some room")
    }

    @Test("the text gives way first: the other columns stay whole while it can shrink to a readable width")
    func textFirst() {
        let table = Table.render(header: ["ID", "NAME", "TEXT"], rows: [["e1aa0000", "Raúl Medina", long]], width: 70)
        let row = String(table.split(separator: "\n")[1])
        #expect(row.hasPrefix("e1aa0000  Raúl Medina  "))
        #expect(DisplayWidth.of(row) == 70)
    }

    @Test("columns line up by terminal columns: wide characters count two, combining marks none")
    func widths() {
        #expect(DisplayWidth.of("abc") == 3)
        #expect(DisplayWidth.of("北京") == 4)
        #expect(DisplayWidth.of("Rau\u{301}l") == 4)
        let table = Table.render(header: ["NAME", "X"], rows: [["北京", "1"], ["Raúl", "2"]], width: nil)
        let columns = table.split(separator: "\n").map { line in DisplayWidth.of(String(line.dropLast())) }
        #expect(Set(columns).count == 1)
    }

    @Test("a cut never splits a wide character past the width")
    func cutWide() {
        let cut = DisplayWidth.prefix("北京北京北京", fitting: 6)
        #expect(cut == "北京…")
        #expect(DisplayWidth.of(cut) <= 6)
    }
}
