import EventLog
import Foundation
import FuzzDriver
import Glibc

/// The time reader of `--since`, `--until` and `--published`, and the JSON answers built
/// from record lines: any bytes, as a command line or a line of the log might hold them.
@main struct FuzzTime {
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
    let text = String(decoding: bytes, as: UTF8.self)
    if let span = try? TimeSpan.parse(text, now: Date(timeIntervalSince1970: 1_794_479_400)) {
        // A span never ends before it starts, and its ends format as the log's times.
        precondition(span.start <= span.end, "\(text): span ends before it starts")
        _ = span.startStamp + span.endStamp
    }
    _ = TimeSpan.publishedInstant(text)
    // The raw members of a record-like line, as `--json` answers take them apart.
    if let members = EventFieldReader.members(bytes) {
        for member in members { _ = EventFieldReader.elements(Array(member.value)) }
    }
    return 0
}
