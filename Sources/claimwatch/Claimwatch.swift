import ArgumentParser
import Foundation

@main
struct Claimwatch: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "claimwatch",
        abstract: "Read what claimwatchd recorded: the event log, its articles and claims.",
        discussion: """
            Every command reads the state folder given by --state, else $CLAIMWATCH_STATE, \
            else var/ in the checkout the tool was built in; reading commands never create it. \
            Exit status: 0 the answer is whole; 1 nothing could be answered (no log, an unknown \
            or ambiguous id, a damaged log for verify); 2 the answer is partial: the log or the \
            store is damaged, and standard error says where; 64 a usage error.
            """,
        version: ClaimwatchVersion.current,
        subcommands: [TailCommand.self, VerifyCommand.self, IngestCommand.self, ExtractCommand.self, ArticlesCommand.self, ShowCommand.self, DupesCommand.self,
                      ClaimsCommand.self, FiguresCommand.self, StoriesCommand.self, ClaimantsCommand.self, StatsCommand.self,
                      ReindexCommand.self, ServeCommand.self]
    )

    /// With no command there is nothing to answer: the help goes to standard error and the
    /// exit status says so, so a script that lost its argument does not pass.
    func run() async throws {
        FileHandle.standardError.write(Data((Self.helpMessage() + "\n").utf8))
        throw ExitCode.validationFailure
    }
}
