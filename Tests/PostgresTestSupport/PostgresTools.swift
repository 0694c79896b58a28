import Foundation
import Synchronization

/// Debian's PostgreSQL programs, and the user they run as.
struct PostgresTools: Sendable {
    /// `/usr/lib/postgresql/<version>/bin`, the newest installed (or `$CLAIMWATCH_POSTGRES_BIN`).
    let bin: String
    /// The unprivileged user the server runs as when the tests run as root.
    let serverUser: (name: String, uid: uid_t, gid: gid_t)?

    static func find() throws(PostgresUnavailable) -> PostgresTools {
        let environment = ProcessInfo.processInfo.environment
        var bin = environment["CLAIMWATCH_POSTGRES_BIN"]
        if bin == nil {
            let versions = ((try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
                .compactMap(Int.init).sorted()
            bin = versions.last.map { "/usr/lib/postgresql/\($0)/bin" }
        }
        guard let bin, FileManager.default.isExecutableFile(atPath: bin + "/initdb"),
              FileManager.default.isExecutableFile(atPath: bin + "/pg_ctl") else {
            throw PostgresUnavailable("PostgreSQL's server programs are not installed (Debian package: postgresql)")
        }
        guard FileManager.default.isExecutableFile(atPath: bin + "/psql") || FileManager.default.isExecutableFile(atPath: "/usr/bin/psql") else {
            throw PostgresUnavailable("psql is not installed (Debian package: postgresql-client)")
        }
        guard geteuid() == 0 else { return PostgresTools(bin: bin, serverUser: nil) }
        // PostgreSQL will not run as root: Debian's package makes the `postgres` user.
        guard let entry = getpwnam("postgres") else {
            throw PostgresUnavailable("running as root, and there is no 'postgres' user for the server to run as")
        }
        guard FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") || FileManager.default.isExecutableFile(atPath: "/sbin/runuser") else {
            throw PostgresUnavailable("running as root, and runuser is missing to start the server as 'postgres'")
        }
        return PostgresTools(bin: bin, serverUser: ("postgres", entry.pointee.pw_uid, entry.pointee.pw_gid))
    }

    func binary(_ name: String) -> String {
        let own = bin + "/" + name
        return FileManager.default.isExecutableFile(atPath: own) ? own : "/usr/bin/" + name
    }

    /// A short folder under /tmp (a socket's path must fit in 107 bytes), owned by the
    /// server's user.
    func makeFolder(label: String) throws(PostgresUnavailable) -> String {
        var template = Array("/tmp/cwpg-\(label.prefix(12))-XXXXXX".utf8CString)
        guard let made = template.withUnsafeMutableBufferPointer({ $0.baseAddress.flatMap(mkdtemp) }) else {
            throw PostgresUnavailable("mkdtemp failed: errno \(errno)")
        }
        let folder = String(cString: made)
        if let user = serverUser, chown(folder, user.uid, user.gid) != 0 {
            throw PostgresUnavailable("cannot give \(folder) to \(user.name): errno \(errno)")
        }
        return folder
    }

    /// A data folder in `folder/data`: a copy of one `initdb` made once per test process.
    func initialize(folder: String) throws(PostgresUnavailable) {
        let template = try Self.template.withLock { slot throws(PostgresUnavailable) -> String in
            if let made = slot { return try made.get() }
            let made = Result { () throws(PostgresUnavailable) -> String in
                let templateFolder = try makeFolder(label: "template")
                let password = templateFolder + "/password"
                try write(PostgresServer.testPassword, to: password)
                try run(asServer: true, binary("initdb"), [
                    "-D", templateFolder + "/data", "-U", "claimwatch", "--auth-local=trust", "--auth-host=scram-sha-256",
                    "--pwfile=" + password, "-N", "-E", "UTF8", "--locale=C",
                ])
                reapWhenTestsEnd(folder: templateFolder, data: nil)
                return templateFolder
            }
            slot = made
            return try made.get()
        }
        try run(asServer: true, "/bin/cp", ["-a", template + "/data", folder + "/data"])
        try write(PostgresServer.testPassword, to: folder + "/password")
    }

    private static let template = Mutex<Result<String, PostgresUnavailable>?>(nil)

    private func write(_ text: String, to path: String) throws(PostgresUnavailable) {
        guard FileManager.default.createFile(atPath: path, contents: Data((text + "\n").utf8), attributes: [.posixPermissions: 0o644]) else {
            throw PostgresUnavailable("cannot write \(path)")
        }
    }

    /// Runs a program to its end, as the server's user when `asServer`; fails with its output.
    @discardableResult
    func run(asServer: Bool, _ program: String, _ arguments: [String]) throws(PostgresUnavailable) -> String {
        var argv = [program] + arguments
        if asServer, let user = serverUser {
            let runuser = FileManager.default.isExecutableFile(atPath: "/usr/sbin/runuser") ? "/usr/sbin/runuser" : "/sbin/runuser"
            argv = [runuser, "-u", user.name, "--"] + argv
        }
        let (status, text) = try ChildProcess.run(argv)
        guard status == 0 else {
            throw PostgresUnavailable("\((program as NSString).lastPathComponent) \(arguments.prefix(3).joined(separator: " ")) … failed (\(status)): \(text)")
        }
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    /// A TCP port nothing listens on now (the kernel's choice for port 0).
    static func freePort() -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { raw in
                bind(descriptor, raw, length) == 0 && getsockname(descriptor, raw, &length) == 0
            }
        }
        guard bound else { return 50_000 + Int.random(in: 0..<10_000) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    func reapWhenTestsEnd(_ server: PostgresServer) {
        reapWhenTestsEnd(folder: server.folder, data: server.data)
    }

    /// A detached shell that waits for this process to end, then stops the server (if any)
    /// and removes its folder: tests that crash or are interrupted leave nothing running.
    func reapWhenTestsEnd(folder: String, data: String?) {
        let stop = data.map { data in
            let pgctl = binary("pg_ctl")
            let command = "'\(pgctl)' -D '\(data)' -m immediate -w stop"
            return serverUser.map { "runuser -u \($0.name) -- \(command)" } ?? command
        } ?? "true"
        let script = "while [ -d /proc/\(getpid()) ]; do sleep 1; done; \(stop) >/dev/null 2>&1; rm -rf '\(folder)'"
        ChildProcess.detach(["/bin/sh", "-c", script])
    }
}
