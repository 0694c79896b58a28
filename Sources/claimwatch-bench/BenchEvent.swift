import EventLog

/// Realistic records for log benchmarks: `article.ingested` events of about 300 bytes.
/// Built once up front, so the figures measure the log and not string formatting.
enum BenchEvent {
    static let samples: [ArticleIngested] = (0..<1024).map(make)

    static func sample(_ index: Int) -> ArticleIngested {
        samples[index & 1023]
    }

    private static func make(_ index: Int) -> ArticleIngested {
        let id = String(UInt64(index) &* 0x9E37_79B9_7F4A_7C15, radix: 16)
        return ArticleIngested(
            article: String(id.prefix(16)), path: "wire/story-\(index).html",
            content: id + id, format: "html",
            title: "Officials dispute figures after the dam breach",
            outlet: "Example Gazette", bytes: 4000 + index % 3000, words: 700 + index % 500,
            file: FileIdentity(device: 2049, inode: UInt64(1_000_000 + index), size: Int64(4000 + index % 3000),
                               mtime: 1_795_000_000_000_000_000))
    }
}
