import EventLog
import Foundation
import Testing

struct Sample: EventPayload, Equatable {
    static let eventType = "test.sample"
    var index: Int
    var text: String
}

@Suite struct CLITests {
    let claimwatch = Executable("claimwatch")

    /// A state folder whose log holds `count` events, alternating two types.
    private func makeState(count: Int, segmentBytes: Int = 64 << 20) throws -> TemporaryFolder {
        let state = TemporaryFolder("cli")
        let writer = try EventLogWriter(configuration: .init(directory: state.path + "/log", segmentBytes: segmentBytes))
        for index in 1...count {
            if index % 2 == 0 {
                _ = try writer.enqueue(WatchRescan(reason: "periodic", files: index))
            } else {
                _ = try writer.enqueue(Sample(index: index, text: "sample “\(index)”"))
            }
        }
        try writer.flush()
        try writer.close()
        return state
    }

    @Test("every command answers --help")
    func help() throws {
        for command in [[], ["tail"], ["verify"]] {
            let result = try claimwatch.run(command + ["--help"])
            #expect(result.status == 0, "\(command)")
            #expect(result.stdout.contains("USAGE: claimwatch"))
        }
    }

    @Test("tail prints the last events as the stored JSON lines when piped")
    func tailLast() throws {
        let state = try makeState(count: 25)
        let result = try claimwatch.run(["tail", "--state", state.path, "-n", "4"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        let seqs = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])["seq"] as? Int }
        #expect(seqs == [22, 23, 24, 25])
        let stored = try EventLogReader(directory: state.path + "/log").lastRecords(4).map(\.json)
        #expect(lines == stored)
    }

    @Test("tail filters by type and by type family, and starts at a seq")
    func tailFilters() throws {
        let state = try makeState(count: 20)
        let samples = try claimwatch.run(["tail", "--state", state.path, "-n", "3", "--type", "test.sample"])
        #expect(samples.stdout.split(separator: "\n").map { $0.contains(#""seq":15,"#) || $0.contains(#""seq":17,"#) || $0.contains(#""seq":19,"#) } == [true, true, true])
        let family = try claimwatch.run(["tail", "--state", state.path, "-n", "100", "--type", "watch"])
        #expect(family.stdout.split(separator: "\n").count == 10)
        let from = try claimwatch.run(["tail", "--state", state.path, "--from-seq", "18"])
        #expect(from.stdout.split(separator: "\n").count == 3)
    }

    @Test("the state folder comes from CLAIMWATCH_STATE when no flag is given")
    func stateFromEnvironment() throws {
        let state = try makeState(count: 3)
        let result = try claimwatch.run(["tail", "-n", "1"], environment: ["CLAIMWATCH_STATE": state.path])
        #expect(result.stdout.contains(#""seq":3,"#))
    }

    @Test("tail -f follows appends across rotations and exits 0 on Ctrl-C")
    func tailFollow() async throws {
        let state = try makeState(count: 5, segmentBytes: 2000)
        let follow = try claimwatch.start(["tail", "--state", state.path, "-n", "2", "-f"])
        #expect(follow.waitForLines(2).count == 2)
        let writer = try EventLogWriter(configuration: .init(directory: state.path + "/log", segmentBytes: 2000))
        for index in 6...80 {
            try await writer.append(Sample(index: index, text: String(repeating: "r", count: 40)))
        }
        try writer.close()
        let lines = follow.waitForLines(77)
        follow.signal(SIGINT)
        #expect(follow.wait() == 0)
        #expect(!follow.terminatedBySignal)
        let seqs = lines.compactMap { line in
            (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["seq"] as? Int
        }
        #expect(seqs == Array(4...80))
        #expect(try EventLogReader(directory: state.path + "/log").segments().count > 3)
    }

    @Test("verify passes a whole log and fails a damaged one, naming the place")
    func verify() throws {
        let state = try makeState(count: 10)
        let clean = try claimwatch.run(["verify", "--state", state.path])
        #expect(clean.status == 0)
        #expect(clean.stdout.contains("10 records (seq 1–10)"))
        #expect(clean.stdout.contains("ok"))

        let segment = state.path + "/log/00000000000000000001.log"
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: segment)))
        let third = bytes.indices.filter { bytes[$0] == 0x0A }[1] + 1
        bytes[third + 12] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: segment))
        let damaged = try claimwatch.run(["verify", "--state", state.path])
        #expect(damaged.status == 1)
        #expect(damaged.stdout.contains("DAMAGED"))
        #expect(damaged.stdout.contains("00000000000000000001.log at byte \(third)"))

        let json = try claimwatch.run(["verify", "--state", state.path, "--json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["ok"] as? Bool == false)
        #expect(report["records"] as? Int == 9)
    }

    @Test("tail of a missing log is an error naming the folder, and makes nothing")
    func emptyState() throws {
        let state = TemporaryFolder("cli-empty")
        let result = try claimwatch.run(["tail", "--state", state.path])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains(state.path + "/log"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: state.path).isEmpty)
    }
}
