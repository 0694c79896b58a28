import FuzzDriver
import Glibc
import ArticleText

/// The sentence splitter and word tokenizer; every span must lie inside the text.
@main struct FuzzSentences {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in testOneInput(data, size) })
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let scalars = text.unicodeScalars.count
    for span in SentenceSplitter.split(text: text) {
        precondition(span.start >= 0 && span.start <= span.end && span.end <= scalars, "sentence span out of the text")
    }
    _ = WordTokenizer.tokens(in: text)
    return 0
}
