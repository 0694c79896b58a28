#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Where `$NOTIFY_SOCKET` points, as the bytes of a `sockaddr_un` and the length to pass with
/// them. The two forms differ in length on purpose: a path is NUL-terminated and its length
/// counts the NUL, while an abstract name (Linux only, written `@name`) starts with a NUL byte
/// and its length must stop exactly at its last byte, because every byte counts as part of
/// the name.
struct NotifySocketAddress: Sendable, Hashable, CustomStringConvertible {
    /// The bytes for `sun_path`, including the leading or trailing NUL.
    let pathBytes: [UInt8]
    /// The value of `$NOTIFY_SOCKET`, for messages.
    let description: String

    /// `offsetof(struct sockaddr_un, sun_path)`: the family field comes first.
    static let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path)
        ?? MemoryLayout<sa_family_t>.size

    /// The room in `sun_path`.
    static let capacity = MemoryLayout.size(ofValue: sockaddr_un().sun_path)

    init(_ value: String) throws(DaemonError) {
        let bytes = Array(value.utf8)
        switch bytes.first {
        case UInt8(ascii: "/"):
            pathBytes = bytes + [0]
        case UInt8(ascii: "@") where bytes.count > 1:
            pathBytes = [0] + bytes.dropFirst()
        default:
            throw .notifySocketUnsupported(address: value)
        }
        guard !bytes.dropFirst().contains(0) else { throw .notifySocketUnsupported(address: value) }
        guard pathBytes.count <= Self.capacity else {
            throw .notifySocketTooLong(address: value, limit: Self.capacity)
        }
        description = value
    }

    /// The address length for `sendto`.
    var length: socklen_t {
        socklen_t(Self.pathOffset + pathBytes.count)
    }

    /// A `sockaddr_un` holding this address.
    var socketAddress: sockaddr_un {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { room in
            room.copyBytes(from: pathBytes)
        }
        return address
    }
}
