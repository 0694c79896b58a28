import Watcher

extension DropPath {
    /// A path built from a `String` the program chose (state folders, dates); such
    /// strings never hold a NUL, but a bad configuration value could, so this can fail.
    init(_ string: String) throws(IngestError) {
        guard let path = DropPath(bytes: Array(string.utf8)) else {
            throw .configuration("a path may not be empty or hold a NUL byte: \(string.debugDescription)")
        }
        self = path
    }

    /// `self/component`.
    func appending(_ component: DropPath) -> DropPath {
        let joined = bytes.last == UInt8(ascii: "/") ? bytes + component.bytes : bytes + [UInt8(ascii: "/")] + component.bytes
        return DropPath(bytes: joined) ?? self
    }

    /// The folder part, or nil for a bare name.
    var parent: DropPath? {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")), slash > 0 else { return nil }
        return DropPath(bytes: Array(bytes[..<slash]))
    }

    var lastComponent: DropPath {
        guard let slash = bytes.lastIndex(of: UInt8(ascii: "/")) else { return self }
        return DropPath(bytes: Array(bytes[(slash + 1)...])) ?? self
    }

    /// The part after `prefix/`, when the path lies under `prefix`.
    func relative(to prefix: DropPath) -> DropPath? {
        let head = prefix.bytes + [UInt8(ascii: "/")]
        guard bytes.starts(with: head) else { return nil }
        return DropPath(bytes: Array(bytes.dropFirst(head.count)))
    }
}
