import CLinuxShims

/// Transparent huge pages for the index's largest array. A query touches ~25 random slots
/// of a table that is hundreds of megabytes at a million articles: with 4 KiB pages each
/// one is also a TLB miss and a page-table walk, with 2 MiB pages the TLB covers the table.
/// The system call itself stays in the C box (`CLinuxShims`), outside the pure core.
enum HugePages {
    static let size = 2 << 20

    /// Asks the kernel to back the 2 MiB-aligned part of `buffer` with huge pages. Call it
    /// before the memory is first written, so that the first faults already get them.
    static func advise(_ buffer: UnsafeMutableRawBufferPointer) {
        guard buffer.count >= 2 * size, let base = buffer.baseAddress else { return }
        claimwatch_advise_huge_pages(base, buffer.count)
    }
}
