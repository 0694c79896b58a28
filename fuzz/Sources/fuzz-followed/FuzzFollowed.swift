import ClusterStore
import FuzzDriver
import Glibc

/// The cluster host's cache of the other hosts' records (`index/other-hosts.bin`), on any
/// bytes: a damaged or torn file is read up to its last whole frame, never past its end,
/// and a rebuild reading it back (`FollowedRecords`) hands over no more than a start keeps.
@main struct FuzzFollowed {
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
    guard let contents = OtherHostsCache.contents(of: bytes) else { return 0 }
    precondition(contents.whole <= bytes.count, "kept \(contents.whole) of \(bytes.count) bytes")
    precondition(contents.records == 0 || contents.through > 0, "records without a position")
    // What a start keeps reads the same again, and nothing after it.
    let kept = OtherHostsCache.contents(of: Array(bytes[0..<contents.whole]))
    precondition(kept?.records == contents.records && kept?.through == contents.through, "the kept part reads otherwise")
    let path = "/tmp/fuzz-followed-\(getpid()).bin"
    guard let file = fopen(path, "w") else { return 0 }
    _ = fwrite(bytes, 1, bytes.count, file)
    fclose(file)
    var handed = 0
    _ = FollowedRecords(OtherHostsFollower.CacheLocation(path: path, texts: "/nonexistent")).replay { handed += $0.count }
    precondition(handed <= contents.records, "read back \(handed) records of \(contents.records)")
    return 0
}
