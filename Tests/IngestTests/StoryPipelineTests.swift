import EventLog
import Foundation
import Testing
@testable import Ingest

/// Stories in the pipeline: each new article is placed in a story as it is taken, the log
/// records where (and the merges an article shows), and a restart replays the log's word.
@Suite struct StoryPipelineTests {
    /// Two reports of one flood that share no name (the governor's side, the operator's
    /// side), then a third that names both sides: it shows them one story.
    static let governor = """
        Arlburg orders evacuations as floodwater rises

        ARLBURG — Floodwater rose through the Arl valley on Tuesday, and Governor Mira Tolland ordered the evacuation \
        of every village below Arlburg. Tolland said rescue crews had moved families to shelters in Arlburg overnight.

        The water rose fastest below the dam, and crews in the valley worked through the night to reach flooded homes.
        """
    static let operatorSide = """
        Kessen Hydro blames spillway gates for dam breach

        BREDA — Kessen Hydro, which runs the dam above the valley, said on Tuesday that its spillway gates failed before \
        the breach, and its chief engineer Lars Breda-Holm said inspectors from Kessen Hydro had checked the gates.

        The company said floodwater from the dam breach reached the valley within hours, and crews worked through the night.
        """
    static let both = """
        Tolland demands answers from Kessen Hydro after dam breach floods the valley

        ARLBURG — Governor Mira Tolland demanded answers from Kessen Hydro on Wednesday, a day after the dam breach \
        flooded the valley below Arlburg. Tolland said the spillway gates had failed, as Kessen Hydro admitted, and \
        floodwater forced the evacuation of every village.

        Crews worked through the night in the flooded valley, and Kessen Hydro said its engineer Lars Breda-Holm would \
        answer the governor's questions about the dam and its gates.
        """

    /// Each article's story and each merge, in log order, with the articles named by file.
    private func summary(_ run: PipelineRun) throws -> [String] {
        var names: [String: String] = [:]
        return try run.events().compactMap { event -> String? in
            switch event {
            case let .articleIngested(article):
                names[article.article] = article.path
                return "article \(article.path) in \(names[article.story ?? ""] ?? "?")"
            case let .articleDuplicate(copy):
                names[copy.article] = copy.path
                return "copy \(copy.path) in \(names[copy.story ?? ""] ?? "?")"
            case let .storyMerged(merged):
                return "merged \(names[merged.story] ?? "?") into \(names[merged.into] ?? "?") by \(names[merged.article] ?? "?")"
            default:
                return nil
            }
        }
    }

    @Test("an article naming both sides of one event merges their stories, recorded after its own event")
    func merge() throws {
        let run = try PipelineRun("stories-merge", keep: true)
        try run.take("governor.txt", Self.governor)
        try run.take("operator.txt", Self.operatorSide)
        try run.take("both.txt", Self.both)
        try run.close()
        #expect(try summary(run) == [
            "article governor.txt in governor.txt", "article operator.txt in operator.txt",
            "article both.txt in governor.txt", "merged operator.txt into governor.txt by both.txt",
        ])
    }

    @Test("after a restart, stories and merges come back from the log: a copy of the merged story's article joins the merged story")
    func restart() throws {
        let restarted = try PipelineRun("stories-restart", keep: true)
        try restarted.take("governor.txt", Self.governor)
        try restarted.take("operator.txt", Self.operatorSide)
        try restarted.restart()
        try restarted.take("both.txt", Self.both)
        try restarted.restart()
        try restarted.take("operator-again.txt", Self.operatorSide + "\n")
        try restarted.close()

        let live = try PipelineRun("stories-live", keep: true)
        for (name, text) in [("governor.txt", Self.governor), ("operator.txt", Self.operatorSide), ("both.txt", Self.both),
                             ("operator-again.txt", Self.operatorSide + "\n")] {
            try live.take(name, text)
        }
        try live.close()
        let summary = try summary(restarted)
        #expect(summary == (try self.summary(live)))
        #expect(summary.last == "copy operator-again.txt in governor.txt")
    }
}
