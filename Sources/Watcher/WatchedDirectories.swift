/// The folders under watch, by watch descriptor (to place an event) and by relative path (to
/// drop a moved-away subtree). Only the watcher thread touches it.
///
/// The watcher keeps this map itself instead of asking libinotifytools, whose path records
/// go stale when folders are moved or deleted.
struct WatchedDirectories {
    struct Entry: Equatable {
        let relativePath: [UInt8]
        let identity: FileIdentity
    }

    private var byWatch: [Int32: Entry] = [:]
    private var byPath: [[UInt8]: Int32] = [:]

    var watches: [Int32] { Array(byWatch.keys) }

    func entry(for watch: Int32) -> Entry? {
        byWatch[watch]
    }

    func watch(at relativePath: [UInt8]) -> (watch: Int32, identity: FileIdentity)? {
        guard let watch = byPath[relativePath], let entry = byWatch[watch] else { return nil }
        return (watch, entry.identity)
    }

    /// Records a watch. The kernel hands out the same descriptor when a folder it already
    /// watches is added under a new path (it was moved), so the new path replaces the old one.
    mutating func insert(_ watch: Int32, at relativePath: [UInt8], identity: FileIdentity) {
        if let previous = byWatch[watch] { byPath[previous.relativePath] = nil }
        if let displaced = byPath[relativePath], displaced != watch { byWatch[displaced] = nil }
        byWatch[watch] = Entry(relativePath: relativePath, identity: identity)
        byPath[relativePath] = watch
    }

    @discardableResult
    mutating func remove(_ watch: Int32) -> Entry? {
        guard let entry = byWatch.removeValue(forKey: watch) else { return nil }
        if byPath[entry.relativePath] == watch { byPath[entry.relativePath] = nil }
        return entry
    }

    /// The watches on `relativePath` and every folder below it.
    func watches(under relativePath: [UInt8]) -> [Int32] {
        let prefix = relativePath + [UInt8(ascii: "/")]
        return byWatch.compactMap { watch, entry in
            entry.relativePath == relativePath || entry.relativePath.starts(with: prefix) ? watch : nil
        }
    }
}
