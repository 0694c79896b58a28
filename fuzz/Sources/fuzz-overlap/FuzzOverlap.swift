import FuzzDriver
import Glibc
import Fingerprint

/// The exact comparison a copy verdict is confirmed on (shingle sets, the in-order count,
/// the relation the thresholds give) on two arbitrary texts: the input up to its first
/// 0xFF byte, and the rest.
@main struct FuzzOverlap {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in testOneInput(data, size) })
    }
}

let fingerprinter = try! Fingerprinter()

@_cdecl("LLVMFuzzerTestOneInput")
func testOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data else { return 0 }
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let cut = bytes.firstIndex(of: 0xFF) ?? size / 2
    let new = String(decoding: UnsafeBufferPointer(rebasing: bytes[..<cut]), as: UTF8.self)
    let old = String(decoding: UnsafeBufferPointer(rebasing: bytes[min(size, cut + 1)...]), as: UTF8.self)
    let overlap = fingerprinter.overlap(of: new, with: old)
    precondition(overlap.shared <= min(overlap.newCount, overlap.oldCount), "more shared than either holds")
    precondition(overlap.sharedInOrder <= overlap.shared && overlap.bodyInOrder <= overlap.bodyShared, "more in order than shared")
    precondition((0...1).contains(overlap.jaccard) && (0...1).contains(overlap.newInOld) && (0...1).contains(overlap.oldInNew))
    let same = fingerprinter.overlap(of: new, with: new)
    precondition(same.shared == same.newCount && same.sharedInOrder == same.newCount, "a text holds itself in order")
    _ = CopyRelation.judge(overlap, ordinal: 0, parameters: fingerprinter.parameters)
    return 0
}
