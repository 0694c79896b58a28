import Daemon
import FuzzDriver
import Glibc

/// claimwatchd's configuration file syntax (comments, quotes), on any bytes.
@main struct FuzzConfig {
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
    if let settings = try? ConfigFileSyntax.settings(in: text) {
        // Every setting has a key, and line numbers rise.
        precondition(settings.allSatisfy { !$0.key.isEmpty }, "a setting without a key")
        precondition(zip(settings, settings.dropFirst()).allSatisfy { $0.line < $1.line }, "line numbers out of order")
    }
    return 0
}
