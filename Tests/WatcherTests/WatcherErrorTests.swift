#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Watcher

@Suite("WatcherError and file-system detection")
struct WatcherErrorTests {
    @Test("An exhausted watch limit names fs.inotify.max_user_watches and how to raise it")
    func watchLimit() {
        let message = WatcherError.inotifyWatchLimit(path: "/srv/drop/a", limit: 8192).description
        #expect(message.contains("/srv/drop/a"))
        #expect(message.contains("fs.inotify.max_user_watches (now 8192)"))
        #expect(message.contains("sysctl -w fs.inotify.max_user_watches="))
    }

    @Test("Too many inotify instances names fs.inotify.max_user_instances")
    func instanceLimit() {
        let message = WatcherError.inotifyInstanceLimit(limit: nil).description
        #expect(message.contains("fs.inotify.max_user_instances"))
        #expect(message.contains("EMFILE"))
    }

    @Test("Errors carry the errno's words and number")
    func errnoText() {
        #expect(WatcherError.watchFailed(path: "/x", errno: EACCES).description.hasSuffix("Permission denied (errno 13)"))
    }

    @Test("Network and FUSE file systems are recognised by their statfs magic numbers")
    func remoteFileSystems() {
        #expect(RemoteFileSystem.named(magic: 0x6969)?.name == "NFS")
        #expect(RemoteFileSystem.named(magic: 0xFF53_4D42)?.name == "CIFS")
        #expect(RemoteFileSystem.named(magic: 0xFE53_4D42)?.name == "SMB2")
        #expect(RemoteFileSystem.named(magic: 0x6573_5546)?.name == "FUSE")
        #expect(RemoteFileSystem.named(magic: 0xEF53) == nil)  // ext4
        #expect(RemoteFileSystem.named(magic: 0x0102_1994) == nil)  // tmpfs
    }
}
