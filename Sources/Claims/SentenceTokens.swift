/// One sentence's tokens, indexed from 0, as a window on the article's single token array.
///
/// The article is tokenized once into one array: a separate array per sentence cost an
/// allocation and a free per sentence, most of them too large for the allocator's fast path.
/// The finders index a sentence's tokens from 0, as they did when each sentence had its own
/// array; a slice of this collection keeps those indices, as an `ArraySlice` did.
struct SentenceTokens: RandomAccessCollection {
    private let all: [Token]
    private let offset: Int
    let endIndex: Int

    var startIndex: Int { 0 }

    /// `all[range]`, seen from index 0.
    init(_ all: [Token], _ range: Range<Int>) {
        self.all = all
        offset = range.lowerBound
        endIndex = range.count
    }

    /// A sentence tokenized on its own.
    init(_ tokens: [Token]) {
        self.init(tokens, 0..<tokens.count)
    }

    @inline(__always)
    subscript(position: Int) -> Token {
        precondition(position >= 0 && position < endIndex, "token index out of the sentence")
        return all[offset + position]
    }

    var count: Int { endIndex }

    func index(after index: Int) -> Int { index + 1 }
    func index(before index: Int) -> Int { index - 1 }
}
