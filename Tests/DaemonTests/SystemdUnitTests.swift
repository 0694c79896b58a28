import Foundation
import Testing

/// Checks the unit files in the repository's `systemd/` folder with systemd's own tools.
/// Skipped where systemd-analyze is missing; on Debian it comes with the `systemd` package.
@Suite(.enabled(if: SystemdTools.analyze != nil, "systemd-analyze is not installed (Debian package: systemd)"))
struct SystemdUnitTests {

    /// `<repo>/systemd`, found from this file's place in `<repo>/Tests/DaemonTests/`.
    static let unitFolder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("systemd").path

    /// (file in systemd/, unit name to check): a template is checked through one instance.
    static let units = [
        ("claimwatchd.service", "claimwatchd.service"),
        ("claimwatchd@.service", "claimwatchd@srv-drop-wire.service"),
        ("claimwatch-serve.service", "claimwatch-serve.service"),
    ]

    @Test("systemd-analyze verify accepts the unit without a single complaint", arguments: units)
    func verify(file: String, unit: String) throws {
        // verify insists that ExecStart's binary exists, and claimwatchd (or claimwatch, for
        // the web unit) is not installed here: check a copy whose ExecStart runs /bin/true
        // with the same arguments.
        let folder = TemporaryDirectory("units")
        let text = try String(contentsOfFile: Self.unitFolder + "/" + file, encoding: .utf8)
        let copy = text.replacingOccurrences(
            of: "\nExecStart=/usr/local/bin/claimwatchd ",
            with: "\nExecStart=/bin/true "
        ).replacingOccurrences(
            of: "\nExecStart=/usr/local/bin/claimwatch serve ",
            with: "\nExecStart=/bin/true serve "
        )
        try #require(copy != text, "ExecStart no longer runs /usr/local/bin/claimwatchd or claimwatch serve")
        try copy.write(toFile: folder.file(file), atomically: true, encoding: .utf8)

        let result = try Command(try #require(SystemdTools.analyze), ["verify", "--man=no", folder.file(unit)])
        #expect(result.status == 0, "\(result.output)")
        #expect(result.output.isEmpty, "\(result.output)")
    }

    @Test("systemd-analyze security rates the unit's exposure at 2.0 or less", arguments: units)
    func exposure(file: String, unit: String) throws {
        // The threshold is on systemd's internal scale, ten times the printed one: 20 = 2.0.
        let result = try Command(
            try #require(SystemdTools.analyze),
            ["security", "--offline=true", "--threshold=20", "--no-pager", Self.unitFolder + "/" + unit]
        )
        let match = result.output.firstMatch(of: /Overall exposure level for \S+: (\d+\.\d+)/)
        let exposure = try #require(match.flatMap { Double($0.1) }, "\(result.output)")
        #expect(exposure <= 2.0, "\(result.output)")
        #expect(result.status == 0, "\(result.output)")
    }

    @Test(
        "sysusers and tmpfiles make the user, the drop group and a 3770 drop folder",
        .enabled(if: getuid() == 0, "changing owners in a scratch root needs root"),
        .enabled(if: SystemdTools.sysusers != nil && SystemdTools.tmpfiles != nil,
                 "systemd-sysusers or systemd-tmpfiles is not installed (Debian package: systemd)")
    )
    func usersAndDropFolder() throws {
        let root = TemporaryDirectory("root")
        try FileManager.default.createDirectory(atPath: root.file("etc"), withIntermediateDirectories: true)
        let sysusers = try Command(
            try #require(SystemdTools.sysusers),
            ["--root=" + root.path, Self.unitFolder + "/claimwatch.sysusers.conf"]
        )
        try #require(sysusers.status == 0, "\(sysusers.output)")
        let tmpfiles = try Command(
            try #require(SystemdTools.tmpfiles),
            ["--root=" + root.path, "--create", Self.unitFolder + "/claimwatch.tmpfiles.conf"]
        )
        try #require(tmpfiles.status == 0, "\(tmpfiles.output)")

        let passwd = try String(contentsOfFile: root.file("etc/passwd"), encoding: .utf8)
        let user = try #require(passwd.split(separator: "\n").first { $0.hasPrefix("claimwatch:") })
        let fields = user.split(separator: ":", omittingEmptySubsequences: false)
        #expect(fields.count == 7 && fields[5] == "/var/lib/claimwatch" && fields[6].hasSuffix("nologin"), "\(user)")

        let group = try String(contentsOfFile: root.file("etc/group"), encoding: .utf8)
        let dropGroup = try #require(group.split(separator: "\n").first { $0.hasPrefix("claimwatch-drop:") })
        let dropGID = try #require(UInt32(dropGroup.split(separator: ":", omittingEmptySubsequences: false)[2]))

        var status = stat()
        try #require(stat(root.file("var/spool/claimwatch"), &status) == 0)
        #expect(status.st_mode & 0o7777 == 0o3770)
        #expect(status.st_gid == dropGID)
        #expect(String(status.st_uid) == fields[2])
    }
}

/// systemd's tools on this machine, if any (outside the suite, which cannot name itself in
/// its own traits).
enum SystemdTools {
    static let analyze = Command.find("systemd-analyze")
    static let sysusers = Command.find("systemd-sysusers")
    static let tmpfiles = Command.find("systemd-tmpfiles")
}
