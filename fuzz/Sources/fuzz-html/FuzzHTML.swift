import FuzzDriver
import Glibc
import ArticleText

/// The HTML reader (the scanner and the tree builder), the main-content finder, metadata and JSON-LD, and
/// the boilerplate remover, through the extractor as the daemon calls it for a `.html` file,
/// and through `explain` as `claimwatch extract --explain` does.
@main struct FuzzHTML {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in testOneInput(data, size) })
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? ArticleExtractor().extract(bytes: bytes, fileName: "page.html")
    _ = ArticleExtractor().explain(bytes: bytes, fileName: "page.html")
    return 0
}
