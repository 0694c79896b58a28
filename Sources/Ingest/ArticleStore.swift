import CLinuxShims
import Foundation

/// Normalized article texts, stored by content id (`articles/ab/abcdef….txt`), so the
/// CLI can show them and claims can point into them.
public final class ArticleStore {
    public let folder: String
    /// Shard folders known to exist, so storing a text costs no `mkdir` calls.
    private var shards: Set<Substring> = []

    public init(folder: String) {
        self.folder = folder
    }

    func path(for contentID: String) -> String {
        folder + "/" + contentID.prefix(2) + "/" + contentID + ".txt"
    }

    func contains(_ contentID: String) -> Bool {
        access(path(for: contentID), F_OK) == 0
    }

    public func text(for contentID: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path(for: contentID)) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Writes the text under a temporary name and renames it into place, so a reader
    /// never sees half a text. It is not synced here: `sync()` makes a batch durable at
    /// once, before the batch's events go to the log.
    package func store(_ text: String, contentID: String) throws(IngestError) {
        let target = path(for: contentID)
        if access(target, F_OK) == 0 { return }
        if !shards.contains(contentID.prefix(2)) {
            let shard = folder + "/" + contentID.prefix(2)
            for directory in [folder, shard] where mkdir(directory, 0o755) != 0 && errno != EEXIST {
                throw .io(operation: "mkdir", path: directory, errno: errno)
            }
            shards.insert(contentID.prefix(2))
        }
        try FileSystem.writeReplacing(Array(text.utf8), at: target)
    }

    /// Makes every text stored so far durable: one `syncfs` for a whole batch instead of
    /// an `fsync` per article.
    func sync() throws(IngestError) {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else {
            if errno == ENOENT { return }
            throw .io(operation: "open", path: folder, errno: errno)
        }
        defer { close(descriptor) }
        guard claimwatch_syncfs(descriptor) == 0 else { throw .io(operation: "syncfs", path: folder, errno: errno) }
    }
}
