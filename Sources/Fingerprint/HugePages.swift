#if os(Linux)
import Glibc
#endif

/// Transparent huge pages for the index's largest array. A query touches ~25 random slots
/// of a table that is hundreds of megabytes at a million articles: with 4 KiB pages each
/// one is also a TLB miss and a page-table walk, with 2 MiB pages the TLB covers the table.
enum HugePages {
    static let size = 2 << 20

    /// Asks the kernel to back the 2 MiB-aligned part of `buffer` with huge pages. Call it
    /// before the memory is first written, so that the first faults already get them.
    /// Only advice: where huge pages are off or unavailable nothing changes but speed.
    static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
        #if os(Linux)
        guard buffer.count >= 2 * size, let base = buffer.baseAddress else { return }
        let start = (Int(bitPattern: base) + size - 1) & ~(size - 1)
        let end = (Int(bitPattern: base) + buffer.count) & ~(size - 1)
        guard end > start, let aligned = UnsafeMutableRawPointer(bitPattern: start) else { return }
        _ = madvise(aligned, end - start, MADV_HUGEPAGE)
        #endif
    }
}
