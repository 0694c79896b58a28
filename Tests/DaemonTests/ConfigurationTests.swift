import Foundation
import Testing
@testable import Daemon
import Ingest
import Logging
import Watcher

@Suite struct ConfigurationTests {
    @Test("sizes and durations read the way people write them", arguments: [
        ("20M", 20 << 20), ("20MiB", 20 << 20), ("512k", 512 << 10), ("1G", 1 << 30), ("4096", 4096),
    ])
    func sizes(text: String, bytes: Int) throws {
        #expect(try ConfigValue.size(text, key: "max-file-size") == bytes)
    }

    @Test("durations", arguments: [("500ms", Duration.milliseconds(500)), ("2s", .seconds(2)), ("5m", .seconds(300)), ("1h", .seconds(3600)), ("30", .seconds(30))])
    func durations(text: String, duration: Duration) throws {
        #expect(try ConfigValue.duration(text, key: "poll-interval") == duration)
        #expect(try ConfigValue.duration(ConfigValue.format(duration), key: "x") == duration)
    }

    @Test("bad values are refused with the setting named", arguments: ["12 parsecs", "-1", "lots"])
    func badValues(text: String) {
        #expect(throws: DaemonError.self) { try ConfigValue.size(text, key: "max-file-size") }
    }

    @Test("a file, the environment and flags apply in that order")
    func precedence() throws {
        let folder = NSTemporaryDirectory() + "/claimwatch-config-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try """
            # comment line
            keep = yes          # trailing comment
            max-file-size = 1M
            ignore = *.draft .*
            rescan-interval = 10m
            """.write(toFile: folder + "/claimwatchd.conf", atomically: true, encoding: .utf8)
        let loader = ConfigurationLoader(
            flags: [("rescan-interval", "1m")], configFile: nil, stateFlag: folder,
            environment: ["CLAIMWATCHD_MAX_FILE_SIZE": "2M", "RUNTIME_DIRECTORY": "/run/claimwatchd"], executablePath: "/usr/bin/x")
        let configuration = try loader.load()
        #expect(configuration.keep)
        #expect(configuration.maximumFileBytes == 2 << 20)
        #expect(configuration.ignorePatterns == ["*.draft", ".*"])
        #expect(configuration.rescanInterval == .seconds(60))
        #expect(configuration.dropFolder == folder + "/inbox")
        #expect(configuration.watcher.wakeDirectory == "/run/claimwatchd")
        #expect(configuration.configFile == folder + "/claimwatchd.conf")
    }

    @Test("an unknown setting names its file and line")
    func unknownSetting() throws {
        let file = NSTemporaryDirectory() + "/claimwatch-bad-\(getpid()).conf"
        try "keep = no\nfrobnicate = 3\n".write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let loader = ConfigurationLoader(flags: [], configFile: file, stateFlag: "/tmp/x", environment: [:], executablePath: "/x")
        #expect(throws: DaemonError.configuration("\(file):2: unknown setting 'frobnicate'")) { try loader.load() }
    }
}

/// The configuration file's syntax: comments, quotes, line numbers.
@Suite struct ConfigFileSyntaxTests {
    @Test("quoted values mean the text between the quotes, comments and spaces included")
    func quotes() throws {
        let settings = try ConfigFileSyntax.settings(in: """
            # a comment = not a setting
            inbox = "/srv/drop #2"   # the second drop folder
            ignore = '*.draft "odd" .*'
            title = "say \\"hi\\" \\\\ bye"
            plain = value # comment
            empty = ""
            spaced   =   a b c\r
            """)
        #expect(settings.map(\.key) == ["inbox", "ignore", "title", "plain", "empty", "spaced"])
        #expect(settings.map(\.value) == ["/srv/drop #2", "*.draft \"odd\" .*", "say \"hi\" \\ bye", "value", "", "a b c"])
        #expect(settings.map(\.line) == [2, 3, 4, 5, 6, 7])
    }

    @Test("an unclosed quote, text after one, or a line with no key is refused with its line number", arguments: [
        ("inbox = \"/never/closed", "1: inbox: the quote \" is not closed"),
        ("keep = 'yes' no", "1: keep: 'no' after the quoted value"),
        ("\n\njust words", "3: expected 'key = value'"),
        ("= value", "1: expected 'key = value'"),
        ("two words = x", "1: expected 'key = value'"),
    ])
    func refused(text: String, message: String) {
        #expect {
            _ = try ConfigFileSyntax.settings(in: text)
        } throws: { error in
            (error as? DaemonError)?.detail.hasPrefix(message) == true
        }
    }

    @Test("log-level takes swift-log's level names in any case, and nothing else")
    func logLevels() throws {
        #expect(try ConfigValue.logLevel("DEBUG", key: "log-level") == .debug)
        #expect(try ConfigValue.logLevel("notice", key: "log-level") == .notice)
        #expect(throws: DaemonError.self) { try ConfigValue.logLevel("loud", key: "log-level") }
        var configuration = DaemonConfiguration(state: .init(root: "/tmp/x"))
        try configuration.apply(key: "LOG_LEVEL", value: "trace")
        #expect(configuration.logLevel == .trace)
        #expect(configuration.summary["log-level"] == "trace")
    }

    @Test("sizes are read as claimwatch ingest reads them, with the setting named in a refusal")
    func sharedSizes() throws {
        #expect(try ConfigValue.size("5 M", key: "max-file-size") == 5 << 20)
        #expect {
            _ = try ConfigValue.size("5 parsecs", key: "max-file-size")
        } throws: { error in
            (error as? DaemonError)?.detail == "max-file-size: '5 parsecs': unknown size unit 'parsecs' (use k, M or G)"
        }
    }
}
