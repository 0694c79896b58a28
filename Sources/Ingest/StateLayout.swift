/// Where everything lives under one state folder. Every command and the daemon agree on
/// this layout; the log is the truth and the rest can be rebuilt from it.
public struct StateLayout: Sendable, Equatable {
    public let root: String

    public init(root: String) {
        self.root = root.count > 1 && root.hasSuffix("/") ? String(root.dropLast()) : root
    }

    /// The event log's segments.
    public var log: String { root + "/log" }
    /// The default drop folder.
    public var inbox: String { root + "/inbox" }
    /// Normalized article texts, stored by content id.
    public var articles: String { root + "/articles" }
    /// Rebuildable projections of the log (registry, dedup index, query tables).
    public var index: String { root + "/index" }
    /// The query store (SQLite): articles, claims, claimants, figures and topics.
    public var claimStore: String { index + "/claims.sqlite" }
    /// Through which log seq this host's originals are known reserved (the cluster mode).
    public var reservationsHeld: String { index + "/reservations-held" }
    /// Processed files, moved out of the drop folder by date.
    public var archive: String { root + "/archive" }
    /// Rejected files, each kept beside a `.reason` file.
    public var quarantine: String { root + "/quarantine" }
    /// Private scratch space (the watcher's wake-up file).
    public var run: String { root + "/run" }

    /// Creates the state folders that do not exist yet, and `extra` ones.
    public func createFolders(extra: [String] = []) throws(IngestError) {
        for folder in [root, log, articles, index, archive, quarantine] + extra {
            try FileSystem.makeDirectories(try DropPath(folder))
        }
    }

    /// Which state folder to use: an explicit flag, else `CLAIMWATCH_STATE`, else `var/`
    /// in the checkout the executable was built in (found by walking up from the
    /// executable to a `Package.swift`), else `./var`.
    public static func resolve(flag: String?, environment: [String: String], executablePath: String) -> StateLayout {
        if let flag, !flag.isEmpty { return StateLayout(root: flag) }
        if let variable = environment["CLAIMWATCH_STATE"], !variable.isEmpty { return StateLayout(root: variable) }
        if let checkout = checkout(containing: executablePath) { return StateLayout(root: checkout + "/var") }
        return StateLayout(root: "var")
    }

    /// The checkout folder an executable under `.build/` belongs to.
    static func checkout(containing executablePath: String) -> String? {
        var components = executablePath.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard let build = components.lastIndex(where: { $0 == ".build" || $0.hasPrefix(".build-") || $0.hasPrefix(".build_") })
        else { return nil }
        components.removeSubrange(build...)
        let folder = components.joined(separator: "/")
        guard fileExists(folder + "/Package.swift") else { return nil }
        return folder.isEmpty ? "/" : folder
    }

    private static func fileExists(_ path: String) -> Bool {
        access(path, F_OK) == 0
    }
}

#if canImport(Glibc)
import Glibc
#endif
import Watcher
