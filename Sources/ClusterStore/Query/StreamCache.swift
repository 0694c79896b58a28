import Fingerprint
import Foundation
public import Store

/// Where a reader keeps its projection of a cluster's stream: one folder per database,
/// named by a digest of where the database is and who reads it (the address's endpoint,
/// role and database name; an address never holds a password, and the digest is made from
/// the parsed parts, so none can reach the path).
public enum StreamCache {
    /// `${XDG_CACHE_HOME:-~/.cache}/claimwatch/<digest>`.
    public static func folder(for configuration: DatabaseConfiguration, environment: [String: String]) -> String {
        let base: String
        if let cache = environment["XDG_CACHE_HOME"], cache.hasPrefix("/") {
            base = cache
        } else {
            let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
            base = home + "/.cache"
        }
        return base + "/claimwatch/" + digest(of: configuration)
    }

    /// The first 32 hex digits of SHA-256 over the database's endpoint, role and name.
    public static func digest(of configuration: DatabaseConfiguration) -> String {
        let address = configuration.address
        let endpoint = switch address.endpoint {
        case let .socket(directory, port): "socket \(directory) \(port)"
        case let .tcp(host, port): "tcp \(host) \(port)"
        }
        let text = [endpoint, configuration.user, address.database ?? configuration.user].joined(separator: "\n")
        return SHA256.hash(Array(text.utf8)).prefix(16).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    /// Where the texts of the articles the stream names are kept in `folder`, laid out as a
    /// state folder's `articles/`.
    public static func articles(in folder: String) -> String {
        folder + "/articles"
    }

    /// Opens (making the folder if need be) the stream's store in `folder`.
    public static func open(folder: String) throws(ClusterStoreError) -> ClaimStore {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        } catch {
            throw .cache("cannot create \(folder): \(error.localizedDescription)")
        }
        return try StreamProjection.store { () throws(StoreError) in try ClaimStore(streamCache: folder + "/claims.sqlite") }
    }
}
