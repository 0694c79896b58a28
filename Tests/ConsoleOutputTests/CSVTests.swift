import ConsoleOutput
import Testing

@Suite struct CSVTests {
    @Test("fields with commas, quotes and line breaks are quoted, quotes doubled; records end in CRLF")
    func escaping() {
        var csv = CSV(header: ["a", "b", "c"])
        csv.append(["plain", "with, comma", "say \"no\""])
        csv.append([nil, "two\nlines", "cr\rhere"])
        #expect(csv.text == "a,b,c\r\nplain,\"with, comma\",\"say \"\"no\"\"\"\r\n,\"two\nlines\",\"cr\rhere\"\r\n")
    }

    @Test("a field of only a quote is three quotes in quotes")
    func loneQuote() {
        #expect(CSV.escaped("\"") == "\"\"\"\"")
        #expect(CSV.escaped("") == "")
        #expect(CSV.escaped("Raúl Medina") == "Raúl Medina")
    }
}
