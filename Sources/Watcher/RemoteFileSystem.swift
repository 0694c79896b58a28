// For statfs(2) only: Swift's Glibc module leaves <sys/vfs.h> out, so the shim brings it in.
internal import CInotifyTools
import SystemPackage

/// File systems whose changes made on other hosts never reach the local inotify: network
/// file systems and FUSE (sshfs, rclone, s3fs…). A drop folder on one of them is polled.
///
/// Identified by the `f_type` magic numbers that `statfs(2)` reports (see `statfs(2)` and
/// `linux/magic.h`).
struct RemoteFileSystem: Hashable {
    let name: String

    private static let byMagic: [UInt32: String] = [
        0x6969: "NFS",
        0xFF53_4D42: "CIFS",
        0xFE53_4D42: "SMB2",
        0x517B: "SMB",
        0x6573_5546: "FUSE",
        0x0102_1997: "9P",
        0x00C3_6400: "CephFS",
        0x5346_414F: "AFS",
        0x6B41_4653: "kAFS",
        0x7375_7245: "Coda",
        0x0116_1970: "GFS2",
        0x0BD0_0BD0: "Lustre",
    ]

    /// The remote file system holding `path`, or `nil` when it is local.
    static func holding(_ path: [UInt8]) throws(Errno) -> RemoteFileSystem? {
        try named(magic: magic(of: path))
    }

    /// The `statfs` magic number of the file system holding `path`.
    private static func magic(of path: [UInt8]) throws(Errno) -> UInt32 {
        var info = statfs()
        let result = DropPath(kernelBytes: path).withCString { statfs($0, &info) }
        guard result == 0 else { throw .current }
        // f_type is a signed word; CIFS's magic has the top bit set, so compare 32 bits.
        return UInt32(truncatingIfNeeded: info.f_type)
    }

    static func named(magic: UInt32) -> RemoteFileSystem? {
        byMagic[magic].map(RemoteFileSystem.init(name:))
    }
}
