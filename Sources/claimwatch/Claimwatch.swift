import ArgumentParser

@main
struct Claimwatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimwatch",
        abstract: "Read what claimwatchd recorded: the event log, its articles and claims.",
        discussion: """
            Every command reads the state folder given by --state, else $CLAIMWATCH_STATE, \
            else var/ in the checkout the tool was built in.
            """,
        version: ClaimwatchVersion.current,
        subcommands: [TailCommand.self, VerifyCommand.self, IngestCommand.self, ExtractCommand.self, ArticlesCommand.self, ShowCommand.self, DupesCommand.self,
                      ClaimsCommand.self, FiguresCommand.self, ClaimantsCommand.self, StatsCommand.self, ReindexCommand.self]
    )
}
