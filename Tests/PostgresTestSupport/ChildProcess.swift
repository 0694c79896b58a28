import Foundation

/// Runs a program and reaps it with waitpid, without Foundation's Process: a Process
/// started from a test's task while another one was dropped unwaited was seen never to
/// hear of its child's exit (the child left a zombie, `isRunning` stayed true).
enum ChildProcess {
    /// Runs `argv` in /tmp with its output (standard output and error together) in a
    /// file, waits for it and returns its exit status and output.
    static func run(_ argv: [String]) throws(PostgresUnavailable) -> (status: Int32, output: String) {
        let outputPath = NSTemporaryDirectory() + "cwpg-out-\(getpid())-\(UUID().uuidString.prefix(8))"
        defer { unlink(outputPath) }
        let pid = try spawn(argv, outputPath: outputPath)
        let status = try wait(pid)
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        return (status, output)
    }

    /// Starts `argv` in a session of its own (`setsid -f` forks once more), so it outlives
    /// this process; returns once the fork is done.
    static func detach(_ argv: [String]) {
        guard let pid = try? spawn(["/usr/bin/setsid", "-f"] + argv, outputPath: "/dev/null") else { return }
        _ = try? wait(pid)
    }

    private static func spawn(_ argv: [String], outputPath: String) throws(PostgresUnavailable) -> pid_t {
        // The server's user cannot enter the tests' working folder, so every child starts in /tmp.
        let wrapped = ["/bin/sh", "-c", "cd /tmp && exec \"$@\"", "sh"] + argv
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of the test process's: an inherited descriptor of an event log's
        // LOCK kept that log locked for as long as the reaper shell lived.
        // (glibc's close action ignores a descriptor that is not open.)
        for descriptor in 3..<Int32(min(sysconf(Int32(_SC_OPEN_MAX)), 4096)) {
            posix_spawn_file_actions_addclose(&actions, descriptor)
        }
        var arguments: [UnsafeMutablePointer<CChar>?] = wrapped.map { strdup($0) } + [nil]
        defer { arguments.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, wrapped[0], &actions, nil, &arguments, environ)
        guard result == 0 else {
            throw PostgresUnavailable("cannot run \(argv.first ?? "?"): \(String(cString: strerror(result)))")
        }
        return pid
    }

    private static func wait(_ pid: pid_t) throws(PostgresUnavailable) -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 {
            guard errno == EINTR else { throw PostgresUnavailable("waitpid failed: errno \(errno)") }
        }
        // WIFEXITED / WEXITSTATUS, which Swift does not import as functions.
        if status & 0x7F == 0 { return (status >> 8) & 0xFF }
        return 128 + (status & 0x7F)
    }
}
