import Foundation

/// A state folder with the example story ingested (and an article of hostile markup the
/// test writes), served by the real `claimwatch serve` on a free loopback port.
final class ServedLedger {
    let folder: TemporaryFolder
    let state: String
    let server: RunningProcess
    let probe: HTTPProbe
    let address: String
    let claimwatch = Executable("claimwatch")

    /// An article whose every field tries to break out of the page: a dropped file is hostile.
    static let hostileTitle = "Dam <script>alert('title')</script> & \"quotes\""
    static let hostileArticle = """
        {"title": "\(hostileTitle.replacingOccurrences(of: "\"", with: "\\\""))",
         "outlet": "<img src=x onerror=alert('outlet')>",
         "url": "javascript:alert('url')",
         "published": "2026-11-13",
         "text": "Officials of the <b>Marrow</b> dam authority said 12 people were <script>alert('text')</script> missing after the breach. The ward council said at least 40 homes were flooded near the <iframe src=//evil.example></iframe> river on Thursday. \\"We counted 7 boats,\\" said Ilse <svg onload=alert(1)> Varga of the harbour office."}
        """

    init(extraArguments: [String] = [], ingestExamples: Bool = true) throws {
        folder = TemporaryFolder("serve")
        state = folder.path + "/state"
        let drops = folder.path + "/drops"
        try FileManager.default.createDirectory(atPath: drops, withIntermediateDirectories: true)
        for name in try FileManager.default.contentsOfDirectory(atPath: ArticleCommandTests.examples) where ingestExamples {
            try FileManager.default.copyItem(atPath: ArticleCommandTests.examples + "/" + name, toPath: drops + "/" + name)
        }
        try Self.hostileArticle.write(toFile: drops + "/zz-hostile.json", atomically: true, encoding: .utf8)
        let ingest = try claimwatch.run(["ingest", "--state", state, drops])
        guard ingest.status == 0 else { throw ProbeError("ingest failed: \(ingest.stderr)") }
        server = try claimwatch.start(["serve", "--state", state, "--listen", "127.0.0.1:0"] + extraArguments)
        guard let line = server.waitForLine(timeout: 120, where: { $0.contains("http://") }),
              let start = line.range(of: "http://"), let end = line[start.upperBound...].firstIndex(of: "/") else {
            server.signal(SIGTERM)
            throw ProbeError("serve printed no address: \(server.standardErrorSoFar)")
        }
        address = String(line[start.upperBound..<end])
        probe = try HTTPProbe(address: address)
    }

    deinit {
        server.signal(SIGTERM)
        server.wait(timeout: 10)
    }

    func get(_ path: String, headers: [String: String] = [:]) throws -> HTTPProbe.Answer {
        try probe.get(path, headers: headers)
    }

    /// A command's standard output, which must succeed.
    func cli(_ arguments: [String]) throws -> String {
        let result = try claimwatch.run(arguments + ["--state", state])
        guard result.status == 0 else { throw ProbeError("claimwatch \(arguments) failed (\(result.status)): \(result.stderr)") }
        return result.stdout
    }

    /// Each line of a JSON-lines answer, parsed.
    static func objects(_ text: String) throws -> [[String: Any]] {
        try text.split(separator: "\n").map { line in
            guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw ProbeError("not a JSON object: \(line.prefix(80))")
            }
            return object
        }
    }
}
