import FuzzDriver
import Glibc
import ArticleText

/// The text decoders: BOMs, UTF-16 with and without a BOM, strict UTF-8, the
/// Windows-1252 fallback and the binary sniffer, on arbitrary bytes.
@main struct FuzzDecoder {
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
    if let (text, _) = try? TextDecoder.decode(bytes, maximumBytes: 1 << 20) {
        _ = TextNormalizer.collapse(text)
    }
    return 0
}
