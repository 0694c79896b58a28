import Daemon
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct JournalStreamTests {
    @Test("JOURNAL_STREAM is parsed as DEVICE:INODE in decimal", arguments: [
        ("8:1234", JournalStream(device: 8, inode: 1234)),
        ("0:0", JournalStream(device: 0, inode: 0)),
        ("18446744073709551615:1", JournalStream(device: .max, inode: 1)),
        ("8", nil), ("8:", nil), (":1234", nil), ("a:b", nil), ("8:1:2", nil), ("", nil), ("-8:1", nil),
    ])
    func parsing(value: String, expected: JournalStream?) {
        #expect(JournalStream(environment: ["JOURNAL_STREAM": value]) == expected)
    }

    @Test("An unset JOURNAL_STREAM means no journal")
    func unset() {
        #expect(JournalStream(environment: [:]) == nil)
        #expect(!JournalStream.connects(environment: [:], to: JournalStream(device: 1, inode: 2)))
    }

    @Test("JOURNAL_STREAM counts only when it names the descriptor's own device and inode")
    func matchesRealDescriptor() throws {
        let pipe = try LinePipe()
        let own = try #require(JournalStream(fileDescriptor: pipe.writeEnd))
        let matching = ["JOURNAL_STREAM": "\(own.device):\(own.inode)"]
        let other = ["JOURNAL_STREAM": "\(own.device):\(own.inode &+ 1)"]
        #expect(JournalStream.isConnected(fileDescriptor: pipe.writeEnd, environment: matching))
        #expect(!JournalStream.isConnected(fileDescriptor: pipe.writeEnd, environment: other))
        #expect(!JournalStream.isConnected(fileDescriptor: pipe.writeEnd, environment: [:]))
        #expect(!JournalStream.isConnected(fileDescriptor: -1, environment: matching))
    }

    @Test("The stderr handler picks the journal form only when JOURNAL_STREAM names stderr")
    func standardErrorDecision() throws {
        let stderrStream = try #require(JournalStream(fileDescriptor: STDERR_FILENO))
        let named = ["JOURNAL_STREAM": "\(stderrStream.device):\(stderrStream.inode)"]
        #expect(JournalLogHandler(label: "t", environment: named).journal)
        #expect(!JournalLogHandler(label: "t", environment: ["JOURNAL_STREAM": "0:0"]).journal)
        #expect(!JournalLogHandler(label: "t", environment: [:]).journal)
    }
}
