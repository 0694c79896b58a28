/// Groups articles into stories as they arrive: the live side, kept in memory and rebuilt
/// from the log at start.
///
/// The stories are the connected groups of the "same story" relation (`StoryMatcher`):
/// an article joins every story holding an article it is the same story as, and when it
/// is the same story as articles of two stories, they merge. Since the relation looks at
/// two articles alone, the grouping is the same in any arrival order.
///
/// A story is named after its oldest article, oldest by `StoryOrigin` (for a single host,
/// its first). A cluster host's memory takes its own records and the other hosts' in
/// different orders live and at a start, so what is restored may not depend on the order:
/// a recorded story or merge naming an article not seen yet holds a place for it (a
/// placeholder, never a candidate) until its record arrives, and every group is named
/// after the oldest of its known articles, whichever record came first.
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
    /// How old each article is (`StoryOrigin`), kept in 16 bytes an article.
    private var ages: [Age] = []
    private var hosts: [String] = []
    private var hostIndices: [String: Int32] = [:]
    private var ownCount: Int32 = 0
    private var lastOwnTime: Int64 = 0
    /// Union-find over ordinals; a root is the oldest article of its story, which it names.
    private var parent: [Int32] = []
    private var postings: [UInt64: [Int32]] = [:]
    /// Stamps marking which ordinals one lookup has seen, so each candidate is tested once.
    private var seen: [UInt32] = []
    private var stamp: UInt32 = 0
    private var placeholders = 0

    public init(matcher: StoryMatcher = StoryMatcher(), commonNameLimit: Int = 200) {
        self.matcher = matcher
        self.commonNameLimit = max(2, commonNameLimit)
    }

    /// How many articles the stories hold.
    public var count: Int { ids.count - placeholders }

    /// The story an article belongs to, nil for an article never assigned.
    public func story(of article: String) -> String? {
        guard let ordinal = ordinals[article], ages[Int(ordinal)].isKnown else { return nil }
        return ids[Int(root(of: ordinal))]
    }

    /// Assigns a new article, merging the stories it joins. An article assigned before
    /// keeps its story (nothing changes).
    ///
    /// A copy (`copyOf` its original) joins its original's story whatever it says, and is
    /// tested like any other article too: its text (a fuller version of a trimmed original,
    /// say) is evidence for the story, and may link it to another.
    public mutating func assign(_ article: String, features: StoryFeatures, copyOf original: String? = nil,
                                origin: StoryOrigin = .own) -> StoryAssignment {
        if let story = story(of: article) { return StoryAssignment(article: article, story: story) }
        var roots: [Int32] = []
        if let original, let ordinal = ordinals[original], ages[Int(ordinal)].isKnown { roots.append(root(of: ordinal)) }
        for candidate in candidates(for: features) {
            let candidateRoot = root(of: candidate)
            if roots.contains(candidateRoot) { continue }
            if matcher.sameStory(features, self.features[Int(candidate)], common: commonNames) { roots.append(candidateRoot) }
        }
        let (ordinal, _) = place(article, features: features, origin: origin)
        roots.sort { precedes($0, $1) }
        for other in roots { _ = unite(ordinal, other) }
        let story = root(of: ordinal)
        return StoryAssignment(article: article, story: ids[Int(story)],
                               merged: roots.filter { $0 != story }.map { ids[Int($0)] })
    }

    /// Puts back an article a record assigned to `story`, without testing it: replay takes
    /// the records' word, so a rebuild reproduces what was recorded. `story` is the article
    /// itself for the first of a story. Returns the stories renamed by it: a story named by
    /// a record before its article's own record arrived, or an article older than the story
    /// it is recorded in (another host's, applied late), names the story from now on.
    @discardableResult
    public mutating func restore(_ article: String, features: StoryFeatures, story: String,
                                 origin: StoryOrigin = .own) -> [StoryRename] {
        if let ordinal = ordinals[article], ages[Int(ordinal)].isKnown { return [] }
        let fresh = ordinals[article] == nil
        var renames: [StoryRename] = []
        let (ordinal, renamed) = place(article, features: features, origin: origin)
        if let renamed { renames.append(renamed) }
        // A new article joining its story renames only its own story of one, under which
        // nothing was filed yet: not said, since the ledger's merge looks at every topic.
        if story != article, let renamed = unite(ordinal, node(story)), !(fresh && renamed.story == article) {
            renames.append(renamed)
        }
        return renames
    }

    /// Replays a recorded merge: `story` and `into` are one story from now on, named after
    /// the older of the two (which a record of this host's own always names `into`).
    @discardableResult
    public mutating func restoreMerge(_ story: String, into: String) -> StoryRename? {
        unite(node(story), node(into))
    }

    /// Every story with its articles, in arrival order; stories ordered by their first article.
    public var stories: [(story: String, articles: [String])] {
        var members: [Int32: [String]] = [:]
        var order: [Int32] = []
        for ordinal in ids.indices where ages[ordinal].isKnown {
            let storyRoot = root(of: Int32(ordinal))
            if members[storyRoot] == nil { order.append(storyRoot) }
            members[storyRoot, default: []].append(ids[ordinal])
        }
        return order.map { (ids[Int($0)], members[$0] ?? []) }
    }

    /// The article's node with its features and origin: new, or a placeholder filled in. A
    /// filled placeholder older than its story's oldest names the story from now on.
    private mutating func place(_ article: String, features: StoryFeatures, origin: StoryOrigin) -> (Int32, StoryRename?) {
        let age = self.age(of: origin)
        let ordinal: Int32
        if let placeholder = ordinals[article] {
            ordinal = placeholder
            placeholders -= 1
            self.features[Int(ordinal)] = features
            ages[Int(ordinal)] = age
        } else {
            ordinal = Int32(ids.count)
            ids.append(article)
            ordinals[article] = ordinal
            parent.append(ordinal)
            self.features.append(features)
            ages.append(age)
            seen.append(0)
        }
        index(ordinal, names: features.names)
        let storyRoot = root(of: ordinal)
        guard storyRoot != ordinal, precedes(ordinal, storyRoot) else { return (ordinal, nil) }
        parent[Int(ordinal)] = ordinal
        parent[Int(storyRoot)] = ordinal
        return (ordinal, StoryRename(story: ids[Int(storyRoot)], into: article))
    }

    /// The node of an article a record names, a placeholder when it is not known yet.
    private mutating func node(_ article: String) -> Int32 {
        if let ordinal = ordinals[article] { return ordinal }
        let ordinal = Int32(ids.count)
        ids.append(article)
        ordinals[article] = ordinal
        parent.append(ordinal)
        features.append(StoryFeatures(keywords: [], weights: [], names: [], date: nil))
        ages.append(.placeholder)
        seen.append(0)
        placeholders += 1
        return ordinal
    }

    /// Makes the stories of two articles one, named after the older root.
    private mutating func unite(_ first: Int32, _ second: Int32) -> StoryRename? {
        let firstRoot = root(of: first), secondRoot = root(of: second)
        guard firstRoot != secondRoot else { return nil }
        let (older, newer) = precedes(firstRoot, secondRoot) ? (firstRoot, secondRoot) : (secondRoot, firstRoot)
        parent[Int(newer)] = older
        // Placeholders alone (a root is the oldest, and any article is older than they are)
        // hold no article: nothing was filed under their name.
        guard ages[Int(newer)].isKnown else { return nil }
        return StoryRename(story: ids[Int(newer)], into: ids[Int(older)])
    }

    /// Whether `first` is the older article (`StoryOrigin`); a placeholder is younger than
    /// any article seen, and placeholders go by id.
    private func precedes(_ first: Int32, _ second: Int32) -> Bool {
        let one = ages[Int(first)], other = ages[Int(second)]
        guard one.isKnown else { return !other.isKnown && ids[Int(first)] < ids[Int(second)] }
        guard other.isKnown else { return true }
        if one.time != other.time { return one.time < other.time }
        switch (one.source, other.source) {
        case (Age.own, Age.own): return one.order < other.order
        case (Age.own, _): return true
        case (_, Age.own): return false
        case let (host, otherHost) where host != otherHost: return hosts[Int(host)] < hosts[Int(otherHost)]
        default: return ids[Int(first)] < ids[Int(second)]
        }
    }

    /// An origin as it is kept; this host's own times never go back.
    private mutating func age(of origin: StoryOrigin) -> Age {
        let time = StoryOrigin.time(origin.recorded)
        guard let host = origin.host else {
            lastOwnTime = max(time, lastOwnTime)
            defer { ownCount += 1 }
            return Age(time: lastOwnTime, source: Age.own, order: ownCount)
        }
        let index: Int32
        if let known = hostIndices[host] {
            index = known
        } else {
            index = Int32(hosts.count)
            hosts.append(host)
            hostIndices[host] = index
        }
        return Age(time: time, source: index, order: 0)
    }

    /// `StoryOrigin` in 16 bytes: the recorded time, the host (an index into `hosts`, or one
    /// of the two marks below) and this host's own order.
    private struct Age {
        static let own: Int32 = -1
        static let placeholder = Age(time: .max, source: -2, order: 0)
        var time: Int64
        var source: Int32
        var order: Int32
        var isKnown: Bool { source != Self.placeholder.source }
    }

    private mutating func index(_ ordinal: Int32, names: [UInt64]) {
        for name in names where !commonNames.contains(name) {
            postings[name, default: []].append(ordinal)
            if postings[name]?.count ?? 0 >= commonNameLimit {
                commonNames.insert(name)
                postings[name] = nil
            }
        }
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
