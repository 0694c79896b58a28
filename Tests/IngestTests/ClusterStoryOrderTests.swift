import EventLog
import Foundation
import Testing
@testable import Ingest

/// A cluster host's stories after a restart. Live, the pipeline applies the other hosts'
/// records between its own files, in the order they arrive; a start rebuilds its memory
/// from its own log first and the other hosts' records after. The stories it restores, and
/// so the story each new file joins, must not depend on that order.
///
/// Two real pipelines with their own logs and state folders; the other host's records are
/// handed over as the daemon's follower hands them over (`applyShared`, with each record's
/// stored text), all of them again after a restart as the host's cache of them does.
@Suite struct ClusterStoryOrderTests {
    /// Hands a host the records of another that it has not had yet, in log order.
    final class Feed {
        let from: PipelineRun
        let host: String
        private var handed = 0

        init(from: PipelineRun, host: String) {
            self.from = from
            self.host = host
        }

        func deliver(to receiver: PipelineRun) throws {
            try from.drain()
            let cursor = try LogCursor(directory: from.state.layout.log)
            var records: [SharedRecord] = []
            while case let .record(record)? = try cursor.next() {
                var text: String?
                switch try record.event() {
                case let .articleIngested(ingested): text = from.pipeline.texts.text(for: ingested.content)
                case let .articleDuplicate(copy): text = copy.content.flatMap { from.pipeline.texts.text(for: $0) }
                default: break
                }
                records.append(SharedRecord(host: host, record: record, text: text))
            }
            receiver.pipeline.applyShared(Array(records.dropFirst(handed)), atHead: true)
            handed = records.count
        }

        /// A start: every record again, onto a memory that has only its own log.
        func redeliver(to receiver: PipelineRun) throws {
            handed = 0
            try deliver(to: receiver)
        }
    }

    /// What a host answers about stories: its log's story of each article and copy and its
    /// merges, then the story its memory gives every article of both hosts; articles named
    /// by host and file.
    private func answers(_ beta: PipelineRun, alpha: PipelineRun) throws -> [String] {
        var names: [String: String] = [:]
        for (run, host) in [(alpha, "alpha"), (beta, "beta")] {
            for event in try run.events() {
                switch event {
                case let .articleIngested(article): names[article.article] = "\(host):\(article.path)"
                case let .articleDuplicate(copy): names[copy.article] = "\(host):\(copy.path)"
                default: break
                }
            }
        }
        // A claim's id is its article's, and its place in it.
        let name = { (id: String?) -> String in
            guard let id else { return "none" }
            if let known = names[id] { return known }
            if let cut = id.lastIndex(of: "-"), let article = names[String(id[..<cut])] { return article + id[cut...] }
            return "unknown \(id)"
        }
        var lines: [String] = try beta.events().compactMap { event -> String? in
            switch event {
            case let .articleIngested(article): "article \(name(article.article)) in \(name(article.story))"
            case let .articleDuplicate(copy): "copy \(name(copy.article)) in \(name(copy.story))"
            case let .storyMerged(merged): "merged \(name(merged.story)) into \(name(merged.into)) by \(name(merged.article))"
            case let .figureCompared(compared):
                "compared \(name(compared.claim)) #\(compared.index) in \(name(compared.story)) as \(compared.label): agrees "
                    + compared.agrees.map { "\(name($0.claim)) #\($0.index)" }.joined(separator: ", ") + "; conflicts "
                    + compared.conflicts.map { "\(name($0.claim)) #\($0.index)" }.joined(separator: ", ")
            default: nil
            }
        }
        for id in names.keys.sorted(by: { names[$0]! < names[$1]! }) {
            lines.append("memory: \(name(id)) in \(name(beta.pipeline.stories.story(of: id)))")
        }
        return lines
    }

    /// Alpha takes the governor's side of a flood; beta takes a copy of it and the operator's
    /// side (a story of its own), restarts or not, then takes another copy of alpha's
    /// article, a report that shows the two sides one story, and alpha's next report.
    private func scenario(_ label: String, restartBeta: Bool) throws -> [String] {
        let alpha = try PipelineRun("\(label)-alpha", keep: true)
        let beta = try PipelineRun("\(label)-beta", keep: true)
        let feed = Feed(from: alpha, host: "alpha")
        try alpha.take("governor.txt", StoryPipelineTests.governor)
        try feed.deliver(to: beta)
        try beta.take("governor-copy.txt", StoryPipelineTests.governor)
        try beta.take("operator.txt", StoryPipelineTests.operatorSide)
        if restartBeta {
            try beta.restart()
            try feed.redeliver(to: beta)
        }
        try beta.take("governor-again.txt", StoryPipelineTests.governor + "\n")
        try beta.take("both.txt", StoryPipelineTests.both)
        try alpha.take("operator-alpha.txt", StoryPipelineTests.operatorSide
            + "\nKessen Hydro said on Thursday that the valley's shelters in Arlburg would stay open through the week.\n")
        try feed.deliver(to: beta)
        try beta.take("operator-again.txt", StoryPipelineTests.operatorSide + "\n\n\n")
        try alpha.close()
        try beta.close()
        return try answers(beta, alpha: alpha)
    }

    /// The example story (a dam breach, eight files) taken by two hosts: alpha's wire report
    /// and the courier's, beta's hydro statement and a syndicated copy, then (restarted or
    /// not) beta's river report, whose figures meet both hosts', and the rest.
    private func example(_ label: String, restartBeta: Bool) throws -> [String] {
        let alpha = try PipelineRun("\(label)-alpha", keep: true)
        let beta = try PipelineRun("\(label)-beta", keep: true)
        let feed = Feed(from: alpha, host: "alpha")
        try alpha.take(examples: ["npa-wire-kessel-dam.txt", "halvern-courier-dam.json"])
        try feed.deliver(to: beta)
        try beta.take(examples: ["kessel-hydro-statement.md", "valley-times-syndicated.txt"])
        if restartBeta {
            try beta.restart()
            try feed.redeliver(to: beta)
        }
        try beta.take(examples: ["river-watch-report.txt"])
        try alpha.take(examples: ["halvern-courier-dam.html"])
        try feed.deliver(to: beta)
        try beta.take(examples: ["metro-daily-reheadlined.txt", "coastal-post-trimmed.txt"])
        try alpha.close()
        try beta.close()
        return try answers(beta, alpha: alpha)
    }

    @Test("a host that restarts compares its next figures with the same figures, in the same story, as without the restart")
    func restartKeepsFigures() throws {
        let live = try example("order-example-live", restartBeta: false)
        let restarted = try example("order-example-restarted", restartBeta: true)
        #expect(restarted == live)
        #expect(live.contains { $0.hasPrefix("compared beta:river-watch-report.txt") && $0.contains("alpha:") })
    }

    @Test("a host that restarts answers the stories it would have without the restart, and its new copies join the same story")
    func restartKeepsStories() throws {
        let live = try scenario("order-live", restartBeta: false)
        let restarted = try scenario("order-restarted", restartBeta: true)
        #expect(restarted == live)
        #expect(live.contains("copy beta:governor-again.txt in alpha:governor.txt"))
        #expect(live.contains("merged beta:operator.txt into alpha:governor.txt by beta:both.txt"))
        #expect(live.contains("memory: alpha:operator-alpha.txt in alpha:governor.txt"))
    }
}
