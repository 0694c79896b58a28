@testable import Daemon
import Foundation
import Logging
import Testing
#if canImport(Glibc)
import Glibc
#endif

@Suite struct JournalLogHandlerTests {
    static let levels: [(Logger.Level, Int)] = [
        (.trace, 7), (.debug, 7), (.info, 6), (.notice, 5), (.warning, 4), (.error, 3), (.critical, 2),
    ]

    @Test("For the journal each line starts with the syslog priority and has no timestamp", arguments: levels)
    func journalPriorities(level: Logger.Level, priority: Int) throws {
        let pipe = try LinePipe()
        var logger = Logger(label: "claimwatchd.test") { label in
            JournalLogHandler(label: label, fileDescriptor: pipe.writeEnd, journal: true)
        }
        logger.logLevel = .trace
        logger.log(level: level, "article picked up")
        #expect(pipe.drain() == "<\(priority)>claimwatchd.test: article picked up\n")
    }

    @Test("Elsewhere each line carries an RFC 3339 UTC timestamp and the level")
    func plainLines() throws {
        let pipe = try LinePipe()
        let fixed = timespec(tv_sec: 1_772_366_400, tv_nsec: 250_000_000)
        let logger = Logger(label: "claimwatchd.test") { label in
            JournalLogHandler(
                label: label,
                sink: LogSink(fileDescriptor: pipe.writeEnd),
                journal: false,
                metadataProvider: nil,
                clock: { fixed }
            )
        }
        logger.warning("drop folder nearly full", metadata: ["files": "9000"])
        logger.info("ready")
        #expect(pipe.drain() == """
            2026-03-01T12:00:00.250Z warning claimwatchd.test: drop folder nearly full files=9000
            2026-03-01T12:00:00.250Z info claimwatchd.test: ready

            """)
    }

    @Test("Without a fixed clock the plain timestamp is the current UTC time")
    func plainTimestampShape() throws {
        let pipe = try LinePipe()
        let logger = Logger(label: "t") { JournalLogHandler(label: $0, fileDescriptor: pipe.writeEnd, journal: false) }
        logger.info("now")
        let line = pipe.drain()
        #expect(line.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z info t: now\n/) != nil, "\(line)")
    }

    @Test("Timestamps are RFC 3339 in UTC with milliseconds", arguments: [
        (0, 0, "1970-01-01T00:00:00.000Z"),
        (1_772_366_400, 250_000_000, "2026-03-01T12:00:00.250Z"),
        (951_782_400, 999_999_999, "2000-02-29T00:00:00.999Z"),
        (951_868_799, 1_000_000, "2000-02-29T23:59:59.001Z"),
    ])
    func timestamps(seconds: Int, nanoseconds: Int, expected: String) {
        #expect(UTCTimestamp.format(timespec(tv_sec: seconds, tv_nsec: nanoseconds)) == expected)
    }

    @Test("Metadata follows the message as sorted key=value pairs; the call's wins over the provider's, which wins over the handler's")
    func metadataMerging() throws {
        let pipe = try LinePipe()
        let provider = Logger.MetadataProvider { ["request": "r1", "stage": "provider"] }
        var logger = Logger(label: "test") {
            JournalLogHandler(label: $0, fileDescriptor: pipe.writeEnd, journal: true, metadataProvider: provider)
        }
        logger[metadataKey: "stage"] = "handler"
        logger[metadataKey: "component"] = "watcher"
        logger.info("picked up", metadata: ["file": "a b.txt", "component": "intake"])
        #expect(pipe.drain() == "<6>test: picked up component=intake file=\"a b.txt\" request=r1 stage=provider\n")
    }

    @Test("Values that are empty or hold spaces, quotes, = or backslashes are quoted", arguments: [
        ("plain", "plain"), ("", "\"\""), ("two words", "\"two words\""), ("a=b", "\"a=b\""),
        ("say \"hi\"", "\"say \\\"hi\\\"\""), ("C:\\x", "\"C:\\\\x\""), ("tab\there", "\"tab\there\""),
        ("two\nlines", "\"two\\nlines\""),
    ])
    func quoting(value: String, rendered: String) {
        #expect(JournalLine.rendered(["k": .string(value)]) == " k=" + rendered)
    }

    @Test("Line breaks and control characters are escaped, so a file name cannot forge a journal entry")
    func controlCharactersEscaped() throws {
        let pipe = try LinePipe()
        let logger = Logger(label: "test") { JournalLogHandler(label: $0, fileDescriptor: pipe.writeEnd, journal: true) }
        logger.warning("skipped name\n<0>forged emergency\r\u{1B}[31m", metadata: ["file": "x\ny"])
        #expect(pipe.drain() == "<4>test: skipped name\\n<0>forged emergency\\r\\u{1b}[31m file=\"x\\ny\"\n")
    }

    @Test("An error attached to the event is rendered as error=…")
    func errorMetadata() throws {
        let pipe = try LinePipe()
        let handler = JournalLogHandler(label: "test", fileDescriptor: pipe.writeEnd, journal: true)
        let failure = DaemonError.notifySocketUnsupported(address: "vsock:1")
        handler.log(event: LogEvent(
            level: .error, message: "cannot notify", error: failure, metadata: nil,
            source: nil, file: #fileID, function: #function, line: #line
        ))
        #expect(pipe.drain() == "<3>test: cannot notify error=\"\(failure.description)\"\n")
    }

    @Test("Messages below the handler's level are not written")
    func levelFilter() throws {
        let pipe = try LinePipe()
        var logger = Logger(label: "test") { JournalLogHandler(label: $0, fileDescriptor: pipe.writeEnd, journal: true) }
        logger.logLevel = .notice
        logger.info("hidden")
        logger.notice("shown")
        #expect(pipe.drain() == "<5>test: shown\n")
    }

    @Test("Lines from many tasks at once arrive whole, one per message")
    func concurrentWrites() async throws {
        let folder = TemporaryDirectory("log")
        let fd = open(folder.file("log"), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        try #require(fd >= 0)
        defer { close(fd) }
        let handler = JournalLogHandler(label: "test", fileDescriptor: fd, journal: true)
        let padding = String(repeating: "x", count: 300)
        await withTaskGroup(of: Void.self) { group in
            for task in 0..<8 {
                group.addTask {
                    let logger = Logger(label: "test") { _ in handler }
                    for line in 0..<250 { logger.info("task \(task) line \(line) \(padding)") }
                }
            }
        }
        let lines = try String(contentsOfFile: folder.file("log"), encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2000)
        #expect(lines.allSatisfy { $0.wholeMatch(of: /<6>test: task \d line \d+ x{300}/) != nil })
        #expect(Set(lines).count == 2000)
    }
}
