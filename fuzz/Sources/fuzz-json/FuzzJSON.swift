import FuzzDriver
import Glibc
import ArticleText

/// The JSON parser and scraper-record reader, as one record and as JSON Lines.
@main struct FuzzJSON {
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
    let extractor = ArticleExtractor()
    _ = try? extractor.extract(bytes: bytes, fileName: "record.json")
    _ = try? extractor.extractAll(bytes: bytes, fileName: "records.jsonl")
    return 0
}
