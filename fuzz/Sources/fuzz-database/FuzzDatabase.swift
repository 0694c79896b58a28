import ClusterStore
import FuzzDriver
import Glibc

/// The cluster mode's `postgresql://` address reader, on any bytes.
@main struct FuzzDatabase {
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
    do {
        let address = try DatabaseAddress(parsing: text)
        // An address taken is shown as given, and a socket path fits a Unix socket address.
        precondition(address.description == text, "the address is not shown as given")
        precondition((address.socketPath?.utf8.count ?? 0) <= 107, "a socket path too long was taken")
        if case let .tcp(_, port) = address.endpoint { precondition((1...65535).contains(port), "port \(port) taken") }
    } catch {
        // A refusal never repeats a password given in the address.
        if text.contains(":s3cret@") { precondition(!"\(error)".contains("s3cret"), "the password shows in \(error)") }
    }
    return 0
}
