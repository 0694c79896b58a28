import EventLog
import Foundation

/// The checks every reliability test makes: each file in the log exactly once, seqs
/// without gaps, `claimwatch verify` clean.
extension DaemonHarness {
    /// Writes the files under `<state>/staging` (same file system), then renames them all
    /// into the drop folder as fast as possible, so the kernel queue may overflow.
    func burst(_ files: [(name: String, text: String)]) throws {
        let staging = state.path + "/staging"
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        for file in files { try Data(file.text.utf8).write(to: URL(fileURLWithPath: staging + "/" + file.name)) }
        for file in files {
            guard rename(staging + "/" + file.name, inbox + "/" + file.name) == 0 else { throw HarnessError("rename: \(errno)") }
        }
    }

    /// What is wrong with the log, if anything: a path handled twice or never, an
    /// unexpected path, seqs not running 1… without gaps.
    func exactlyOnceProblems(_ expected: Set<String>) throws -> [String] {
        let records = try records()
        var problems: [String] = []
        if records.map(\.seq) != (0..<records.count).map({ UInt64($0) + 1 }) {
            problems.append("seqs do not run 1… without gaps")
        }
        var counts: [String: Int] = [:]
        for path in try handledPaths() { counts[path, default: 0] += 1 }
        let twice = counts.filter { $0.value > 1 }.keys.sorted()
        let missing = expected.subtracting(counts.keys).sorted()
        let unexpected = Set(counts.keys).subtracting(expected).sorted()
        if !twice.isEmpty { problems.append("\(twice.count) paths handled twice, e.g. \(twice.prefix(3))") }
        if !missing.isEmpty { problems.append("\(missing.count) files never handled, e.g. \(missing.prefix(3))") }
        if !unexpected.isEmpty { problems.append("unexpected paths \(unexpected.prefix(3))") }
        return problems
    }

    func handledCount() -> Int { (try? handledPaths().count) ?? 0 }

    /// `claimwatch <arguments> --state <state>`.
    func cli(_ arguments: [String]) throws -> Executable.Result {
        try Executable("claimwatch").run(arguments + ["--state", state.path])
    }
}

/// Files for bursts: new stories in three formats, and every tenth an exact copy of an
/// earlier story under another name.
enum BurstFiles {
    static func make(_ count: Int, offset: Int = 0) -> [(name: String, text: String)] {
        (0..<count).map { serial in
            let index = offset + serial
            let story = index % 10 == 9 ? index - 5 : index
            switch index % 3 {
            case 0: return ("f\(index).txt", SampleArticle.text(story))
            case 1: return ("f\(index).html", html(SampleArticle.text(story)))
            default: return ("f\(index).json", json(SampleArticle.text(story)))
            }
        }
    }

    static func html(_ text: String) -> String {
        let parts = text.components(separatedBy: "\n\n")
        return "<!DOCTYPE html><html><head><title>\(parts[0])</title></head><body><nav><a href=\"/\">Home</a></nav>"
            + "<article><h1>\(parts[0])</h1>" + parts.dropFirst().map { "<p>\($0)</p>" }.joined() + "</article></body></html>\n"
    }

    static func json(_ text: String) -> String {
        let parts = text.components(separatedBy: "\n\n")
        let body = parts.dropFirst().joined(separator: "\\n\\n").replacingOccurrences(of: "\n", with: "")
        return "{\"title\": \"\(parts[0])\", \"text\": \"\(body)\", \"outlet\": \"Example Wire\"}\n"
    }
}
