import ArgumentParser
import ConsoleOutput
import Store

/// `--story`: narrows a listing to one story, named by its id or a unique prefix of one (a
/// story that merged into another stands for the one it joined).
struct StoryOption: ParsableArguments {
    @Option(help: ArgumentHelp("Only this story (its id, or a unique start of it; `claimwatch stories` lists them).", valueName: "id"))
    var story: String?

    /// The story's id in the store; an unknown or ambiguous id is the command's failure.
    func resolve(in store: ClaimStore) throws -> String? {
        guard let story else { return nil }
        switch try QueryStore.answer({ () throws(StoreError) in try store.lookup(story: story) }) {
        case let .story(id):
            return id
        case .notFound:
            throw CommandFailure("no story has an id starting with '\(story)' (`claimwatch stories` lists them)")
        case let .ambiguous(ids):
            throw CommandFailure((["'\(story)' is the start of several story ids; give more of it:"] + ids.map { "  " + $0 })
                .joined(separator: "\n"))
        }
    }

    /// The ids of the articles the story holds, nil when no story was asked for.
    func articles(in store: ClaimStore) throws -> Set<String>? {
        guard let id = try resolve(in: store) else { return nil }
        return Set(try QueryStore.answer { () throws(StoreError) in try store.articles(inStory: id) })
    }
}
