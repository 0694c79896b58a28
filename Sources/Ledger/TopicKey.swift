/// What a figure counts, normalized so that different wordings of one thing meet:
/// the unit family, the qualifiers that matter ("chinese", "north korean"), the class of
/// the head noun (citizens and nationals are both `person`), and the state the sentence
/// puts them in (captured, dead, displaced…), within one story. Figures with equal keys
/// share a topic: two stories' counts of "people" are two topics.
public struct TopicKey: Sendable, Hashable, CustomStringConvertible {
    /// The story the topic belongs to; empty where stories are not known.
    public var story: String
    /// `count`, a currency code, or `percent`.
    public var unit: String
    public var qualifiers: String
    public var head: String
    public var state: String

    public init(story: String = "", unit: String, qualifiers: String, head: String, state: String) {
        self.story = story
        self.unit = unit
        self.qualifiers = qualifiers
        self.head = head
        self.state = state
    }

    /// `unit|qualifiers|head|state`, what the topic id is made from and `--about` searches.
    public var description: String { "\(unit)|\(qualifiers)|\(head)|\(state)" }

    /// The topic's stable id: a 64-bit FNV-1a hash of the key (its story first, when it has
    /// one), in hex. The same key gives the same id in every process and every rebuild,
    /// whatever order figures came in.
    public var topicID: String { Self.topicID(story: story, key: description) }

    /// The id of the topic with this story and key (`unit|qualifiers|head|state`): what the
    /// store re-keys a topic by when its story merges into another.
    public static func topicID(story: String, key: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in (story.isEmpty ? key : story + "|" + key).utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return String(unsafeUninitializedCapacity: 16) { buffer in
            for place in 0..<16 {
                let digit = UInt8((hash >> UInt64(60 - place * 4)) & 0xF)
                buffer[place] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
            }
            return 16
        }
    }
}
