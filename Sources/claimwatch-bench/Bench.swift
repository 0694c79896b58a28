import ArgumentParser

@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimwatch-bench",
        abstract: "Measure claimwatch's parts on real work and print the figures.",
        discussion: "Build in release mode for meaningful numbers: swift run -c release claimwatch-bench <what>.",
        subcommands: [
            LogBench.self, DropBench.self, DedupBench.self, ClaimsBench.self, StoriesBench.self, QueryBench.self, HTMLBench.self,
            KeptBench.self, WebBench.self, StreamBench.self,
        ]
    )
}
