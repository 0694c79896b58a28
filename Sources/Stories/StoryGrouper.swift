/// Groups articles into stories as they arrive: the live side, kept in memory and rebuilt
/// from the log at start.
///
/// The stories are the connected groups of the "same story" relation (`StoryMatcher`):
/// an article joins every story holding an article it is the same story as, and when it
/// is the same story as articles of two stories, they merge. Since the relation looks at
/// two articles alone, the grouping is the same in any arrival order; only the names
/// differ (a story is named after its earliest article, a merge keeps the oldest name).
///
/// Cost per article: candidates come from an inverted index on names, not a scan of the
/// stories. A candidate must share at least `minimumSharedNames` names, so the longest
/// posting lists of the article's names need not be read: any article sharing enough names
/// is in one of the others (prefix filtering).
///
/// A name found in `commonNameLimit` articles names no one story ("Trump", "Ukraine" in a
/// feed of months): from then on it is neither indexed nor counted as a shared name. That is
/// the one count over the articles seen, and it only grows: a name once common stays so,
/// and the set of common names at the end does not depend on the order. What the order can
/// change is bounded: the pairs tested while a name was on its way to the limit, which
/// counted it. Without a name that reaches the limit, the grouping is the same in any order.
public struct StoryGrouper: Sendable {
    public let matcher: StoryMatcher
    /// Articles a name may be found in before it counts as common.
    public let commonNameLimit: Int
    private(set) var commonNames = Set<UInt64>()
    private var features: [StoryFeatures] = []
    private var ids: [String] = []
    private var ordinals: [String: Int32] = [:]
    /// Union-find over ordinals; a root's story is named after `ids[root]` unless renamed
    /// by the log (see `restore`).
    private var parent: [Int32] = []
    private var postings: [UInt64: [Int32]] = [:]
    /// Links (an article to its story) and merges the log recorded before the story they
    /// name was known here: made once it is (`restore`).
    private var waiting: [(story: String, into: String)] = []
    /// Stamps marking which ordinals one lookup has seen, so each candidate is tested once.
    private var seen: [UInt32] = []
    private var stamp: UInt32 = 0

    public init(matcher: StoryMatcher = StoryMatcher(), commonNameLimit: Int = 200) {
        self.matcher = matcher
        self.commonNameLimit = max(2, commonNameLimit)
    }

    /// How many articles the stories hold.
    public var count: Int { ids.count }

    /// The story an article belongs to, nil for an article never assigned.
    public func story(of article: String) -> String? {
        guard let ordinal = ordinals[article] else { return nil }
        return ids[Int(root(of: ordinal))]
    }

    /// Assigns a new article, merging the stories it joins. An article assigned before
    /// keeps its story (nothing changes).
    ///
    /// A copy (`copyOf` its original) joins its original's story whatever it says, and is
    /// tested like any other article too: its text (a fuller version of a trimmed original,
    /// say) is evidence for the story, and may link it to another.
    public mutating func assign(_ article: String, features: StoryFeatures, copyOf original: String? = nil) -> StoryAssignment {
        if let story = story(of: article) { return StoryAssignment(article: article, story: story) }
        var roots: [Int32] = []
        if let original, let ordinal = ordinals[original] { roots.append(root(of: ordinal)) }
        for candidate in candidates(for: features) {
            let candidateRoot = root(of: candidate)
            if roots.contains(candidateRoot) { continue }
            if matcher.sameStory(features, self.features[Int(candidate)], common: commonNames) { roots.append(candidateRoot) }
        }
        let ordinal = add(article, features: features)
        guard let oldest = roots.min() else { return StoryAssignment(article: article, story: article) }
        parent[Int(ordinal)] = oldest
        let merged = roots.filter { $0 != oldest }.sorted()
        for other in merged { parent[Int(other)] = oldest }
        return StoryAssignment(article: article, story: ids[Int(oldest)], merged: merged.map { ids[Int($0)] })
    }

    /// Puts back an article the log assigned to `story`, without testing it: replay takes
    /// the log's word, so a rebuild reproduces what was recorded. `story` is the article
    /// itself for the first of a story.
    ///
    /// A story or merge named before its first article is known (another host's, whose
    /// records are applied after this host's log) waits for it, and is made when it comes:
    /// the stories that joined then are returned (each `story` now in `into`), so the ledger
    /// can move their topics as a recorded merge does.
    @discardableResult
    public mutating func restore(_ article: String, features: StoryFeatures, story: String) -> [(story: String, into: String)] {
        guard ordinals[article] == nil else { return [] }
        let ordinal = add(article, features: features)
        if story != article {
            if let storyOrdinal = ordinals[story] {
                parent[Int(ordinal)] = root(of: storyOrdinal)
            } else {
                waiting.append((story: article, into: story))
            }
        }
        return settleWaiting()
    }

    /// Replays a merge the log recorded: `story` joins `into` (once both are known).
    @discardableResult
    public mutating func restoreMerge(_ story: String, into: String) -> [(story: String, into: String)] {
        guard ordinals[story] != nil, ordinals[into] != nil else {
            waiting.append((story: story, into: into))
            return []
        }
        return join(story, into: into).map { [$0] } ?? []
    }

    /// The waiting links and merges whose stories are all known now, made.
    private mutating func settleWaiting() -> [(story: String, into: String)] {
        guard !waiting.isEmpty else { return [] }
        var joined: [(story: String, into: String)] = []
        var still: [(story: String, into: String)] = []
        for link in waiting {
            guard ordinals[link.story] != nil, ordinals[link.into] != nil else {
                still.append(link)
                continue
            }
            if let merge = join(link.story, into: link.into) { joined.append(merge) }
        }
        waiting = still
        return joined
    }

    private mutating func join(_ story: String, into: String) -> (story: String, into: String)? {
        guard let from = ordinals[story], let to = ordinals[into] else { return nil }
        let fromRoot = root(of: from), toRoot = root(of: to)
        guard fromRoot != toRoot else { return nil }
        parent[Int(fromRoot)] = toRoot
        return (ids[Int(fromRoot)], ids[Int(toRoot)])
    }

    /// Every story with its articles, in arrival order; stories ordered by their first article.
    public var stories: [(story: String, articles: [String])] {
        var members: [Int32: [String]] = [:]
        var order: [Int32] = []
        for ordinal in ids.indices {
            let storyRoot = root(of: Int32(ordinal))
            if members[storyRoot] == nil { order.append(storyRoot) }
            members[storyRoot, default: []].append(ids[ordinal])
        }
        return order.map { (ids[Int($0)], members[$0] ?? []) }
    }

    private mutating func add(_ article: String, features: StoryFeatures) -> Int32 {
        let ordinal = Int32(ids.count)
        ids.append(article)
        ordinals[article] = ordinal
        parent.append(ordinal)
        self.features.append(features)
        seen.append(0)
        for name in features.names where !commonNames.contains(name) {
            postings[name, default: []].append(ordinal)
            if postings[name]?.count ?? 0 >= commonNameLimit {
                commonNames.insert(name)
                postings[name] = nil
            }
        }
        return ordinal
    }

    /// Articles that share a name with `features`, from all but the `minimumSharedNames - 1`
    /// longest posting lists of its names; each once.
    private mutating func candidates(for features: StoryFeatures) -> [Int32] {
        let needed = matcher.configuration.minimumSharedNames
        guard features.names.count >= max(needed, 1) else { return [] }
        var lists = features.names.compactMap { postings[$0] }
        guard !lists.isEmpty else { return [] }
        lists.sort { $0.count < $1.count }
        stamp &+= 1
        if stamp == 0 {
            for index in seen.indices { seen[index] = 0 }
            stamp = 1
        }
        var found: [Int32] = []
        for list in lists.prefix(max(lists.count - (needed - 1), 0)) {
            for ordinal in list where seen[Int(ordinal)] != stamp {
                seen[Int(ordinal)] = stamp
                found.append(ordinal)
            }
        }
        return found
    }

    private func root(of ordinal: Int32) -> Int32 {
        var current = ordinal
        while parent[Int(current)] != current { current = parent[Int(current)] }
        return current
    }
}
