import FuzzDriver
import Glibc
import ArticleText
import Claims

/// The claim extractor (attributions, figures, claimants) on arbitrary text.
@main struct FuzzClaims {
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
    for claim in ClaimExtractor().extract(text: text) {
        precondition(claim.start >= 0 && claim.start <= claim.end && claim.end <= scalars, "claim span out of the text")
        for figure in claim.figures {
            precondition(figure.start >= 0 && figure.start <= figure.end && figure.end <= scalars, "figure span out of the text")
            if let low = figure.low, let high = figure.high { precondition(low <= high, "a figure's low above its high") }
            precondition(figure.low.map(\.isFinite) ?? true, "a figure's low is not a number")
        }
    }
    return 0
}
