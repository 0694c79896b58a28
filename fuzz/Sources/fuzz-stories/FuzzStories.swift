import FuzzDriver
import Glibc
import Stories

/// The story features and the same-story test: features are well formed and the same when
/// read twice (by a reused reader too), and the test is symmetric.
@main struct FuzzStories {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in testOneInput(data, size) })
    }
}

nonisolated(unsafe) private var reader = StoryReader()

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let half = text.unicodeScalars.count / 2
    let first = String(String.UnicodeScalarView(text.unicodeScalars.prefix(half)))
    let second = String(String.UnicodeScalarView(text.unicodeScalars.dropFirst(half)))
    let features = StoryFeatures(title: first, text: text, published: second, recorded: "2026-01-01T00:00:00Z")
    precondition(features.keywords.count == features.weights.count && features.keywords.count <= StoryFeatures.keywordCount)
    precondition(zip(features.keywords, features.keywords.dropFirst()).allSatisfy { $0 < $1 }, "keywords out of order")
    precondition(zip(features.names, features.names.dropFirst()).allSatisfy { $0 < $1 }, "names out of order or repeated")
    let norm = features.weights.reduce(Float(0)) { $0 + $1 * $1 }
    precondition(features.weights.isEmpty || abs(norm - 1) < 0.01, "keyword weights not of unit length")
    precondition(reader.features(title: first, text: text, published: second, recorded: "2026-01-01T00:00:00Z") == features,
                 "a reused reader read other features")
    let left = StoryFeatures(title: nil, text: first, published: nil, recorded: "2026-01-01T00:00:00Z")
    let right = StoryFeatures(title: nil, text: second, published: nil, recorded: "2026-01-01T00:00:00Z")
    let matcher = StoryMatcher()
    precondition(matcher.sameStory(left, right) == matcher.sameStory(right, left), "the same-story test is not symmetric")
    return 0
}
