import Foundation
public import Watcher

/// Every file below a folder, in sorted order, for `claimwatch ingest`: names the drop
/// rules ignore are skipped, symlinked folders are not entered (the files themselves are
/// listed, so intake can refuse them with a reason).
public enum FolderWalk {
    public static func files(in root: String, filter: DropNameFilter, recursive: Bool = true) throws(IngestError) -> [DroppedFile] {
        let rootPath = try DropPath(root)
        var found: [DroppedFile] = []
        var pending: [[UInt8]] = [[]]
        while let relative = pending.popLast() {
            let absolute = relative.isEmpty ? rootPath : rootPath.appending(DropPath(bytes: relative) ?? rootPath)
            guard let handle = absolute.withCString({ opendir($0) }) else {
                if relative.isEmpty { throw .io(operation: "opendir", path: root, errno: errno) }
                continue
            }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix { $0 != 0 }) }
                if name == [0x2E] || name == [0x2E, 0x2E] || filter.ignores(name: name) { continue }
                let path = relative.isEmpty ? name : relative + [UInt8(ascii: "/")] + name
                guard let relativePath = DropPath(bytes: path) else { continue }
                if entry.pointee.d_type == UInt8(DT_DIR) {
                    if recursive { pending.append(path) }
                    continue
                }
                found.append(DroppedFile(relativePath: relativePath, absolutePath: rootPath.appending(relativePath),
                                         trigger: .scan(.requested)))
            }
        }
        return found.sorted { $0.relativePath.bytes.lexicographicallyPrecedes($1.relativePath.bytes) }
    }
}
